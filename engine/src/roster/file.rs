//! The roster as a CSV file: records as RFC 4180 has them, the cells as Excel writes them back,
//! and the rows read by their headers.

use super::{check_row, Column, Row, BOM, HEADERS};
use serde::{Deserialize, Serialize};

/// A problem with one row of a file: its line number in the file (the header is row 1), the
/// column's header ("" for the whole row) and the reason in Chinese.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// The row's number in the file, the header being row 1.
    pub row: usize,
    /// The column's Chinese header, or "" when it is the whole row.
    pub column: String,
    /// Why, in Chinese.
    pub reason: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "第 {} 行：{}", self.row, self.reason)
        } else {
            write!(f, "第 {} 行“{}”：{}", self.row, self.column, self.reason)
        }
    }
}

/// What a file gave: the good rows, the bad rows' problems (those rows are not loaded), and
/// warnings on rows that were loaded but need a look (a wrong 身份证号).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The rows that were read, in file order.
    pub rows: Vec<Row>,
    /// The file's row number of each of `rows`.
    pub row_numbers: Vec<usize>,
    /// Rows not loaded, and why.
    pub errors: Vec<RowProblem>,
    /// Rows loaded with a problem to check.
    pub warnings: Vec<RowProblem>,
    /// Why nothing could be read (an empty file, no header), when so.
    pub unreadable: Option<RowProblem>,
}

impl Import {
    /// Every row of the file in order, as the row read or its first problem, with its number.
    pub fn in_file_order(&self) -> Vec<(usize, Result<&Row, &RowProblem>)> {
        let read = self.row_numbers.iter().copied().zip(self.rows.iter().map(Ok));
        let mut out: Vec<(usize, Result<&Row, &RowProblem>)> =
            read.chain(self.errors.iter().map(|e| (e.row, Err(e)))).collect();
        // Stable, so a row read comes before any problem with its number and a row's problems
        // stay in order; both lists are in file order already, so this is one linear merge.
        out.sort_by_key(|(n, _)| *n);
        out.dedup_by(|later, earlier| later.0 == earlier.0 && later.1.is_err());
        out
    }
}

/// Trims every field, and takes the forms Excel writes for long numbers (`="..."`, a leading
/// apostrophe or tab) back to the number, so that a file edited in Excel still reads.
pub fn tidy(row: &mut Row) {
    for column in Column::ALL {
        let f = row.field_mut(column);
        let mut t = f.trim();
        if let Some(inner) = t.strip_prefix("=\"").and_then(|s| s.strip_suffix('"')) {
            t = inner;
        }
        t = t.trim_start_matches(['\'', '\t']);
        if t.len() != f.len() {
            *f = t.to_owned();
        }
    }
    row.id_number.make_ascii_uppercase();
    for date in [&mut row.discharge_date, &mut row.ledger_date, &mut row.completed_date] {
        if let Some(tidied) = excel_date(date) {
            *date = tidied;
        }
    }
}

/// A date in one of the other forms Excel and cadres write (2018/3/1, 2018-3-1, 2018.3.1,
/// 2018年3月1日) as YYYY-MM-DD; None when `text` is in none of them (or already in that form).
/// Whether the day exists is left to [`check_row`].
///
/// ```
/// use engine::roster::excel_date;
/// assert_eq!(excel_date("2018/3/1").as_deref(), Some("2018-03-01"));
/// assert_eq!(excel_date("2018年12月31日").as_deref(), Some("2018-12-31"));
/// assert_eq!(excel_date("2018-03-01"), None);
/// assert_eq!(excel_date("3/1/2018"), None);
/// ```
pub fn excel_date(text: &str) -> Option<String> {
    let (year, rest) = text.split_at_checked(4)?;
    let (month, day) = if let Some(rest) = rest.strip_prefix('年') {
        let (month, day) = rest.split_once('月')?;
        (month, day.strip_suffix('日')?)
    } else {
        let separator = rest.chars().next().filter(|c| matches!(c, '/' | '-' | '.'))?;
        rest[1..].split_once(separator)?
    };
    // The year is 4 bytes already; month and day are 1 or 2 digits.
    let digits = |s: &str, most: usize| !s.is_empty() && s.len() <= most && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    let tidied = format!("{year}-{month:0>2}-{day:0>2}");
    (tidied != text).then_some(tidied)
}

/// Splits CSV text into records of fields (RFC 4180): a leading BOM is dropped, CRLF and LF
/// both end a record, quoted fields may hold commas, quotes ("") and line breaks. Each record
/// comes with the line it starts on. Blank lines are skipped.
pub fn read_records(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let bytes = text.as_bytes();
    // Where the next byte that `stop` accepts is, from `from` (the end of the text if none).
    // Every byte the reader acts on is ASCII, so the runs of other text in between are whole
    // characters and are copied in one go.
    let run_end = |from: usize, stop: fn(u8) -> bool| {
        bytes.get(from..).and_then(|rest| rest.iter().position(|b| stop(*b))).map_or(bytes.len(), |p| from + p)
    };
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut any = false;
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        if quoted {
            match c {
                b'"' if next == Some(b'"') => {
                    field.push('"');
                    i += 2;
                }
                b'"' => {
                    quoted = false;
                    i += 1;
                }
                b'\n' => {
                    line += 1;
                    field.push('\n');
                    i += 1;
                }
                b'\r' if next == Some(b'\n') => i += 1,
                _ => {
                    let end = run_end(i + 1, |b| matches!(b, b'"' | b'\n' | b'\r'));
                    field.push_str(text.get(i..end).unwrap_or_default());
                    i = end;
                }
            }
            continue;
        }
        match c {
            b'"' if field.is_empty() => {
                quoted = true;
                any = true;
                i += 1;
            }
            b',' => {
                record.push(std::mem::take(&mut field));
                any = true;
                i += 1;
            }
            b'\r' if next == Some(b'\n') => i += 1,
            b'\n' => {
                if any || !field.is_empty() {
                    record.push(std::mem::take(&mut field));
                    // The next record most likely has as many fields.
                    let fields = record.len();
                    records.push((start, std::mem::replace(&mut record, Vec::with_capacity(fields))));
                }
                any = false;
                line += 1;
                start = line;
                i += 1;
            }
            _ => {
                let end = run_end(i + 1, |b| matches!(b, b'"' | b',' | b'\n' | b'\r'));
                field.push_str(text.get(i..end).unwrap_or_default());
                any = true;
                i = end;
            }
        }
    }
    if any || !field.is_empty() {
        record.push(field);
        records.push((start, record));
    }
    records
}

fn quote(field: &str, out: &mut String) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// Writes records as CSV: a BOM first, CRLF after each record, quotes only where needed.
pub fn write_records<'a>(records: impl IntoIterator<Item = Vec<&'a str>>) -> String {
    let mut out = String::new();
    out.push(BOM);
    for record in records {
        push_record(&record, &[], &mut out);
    }
    out
}

/// One record and its CRLF; the fields at the indexes in `as_text` that are all digits get
/// [`TEXT_MARK`] before them.
fn push_record(record: &[&str], as_text: &[Column], out: &mut String) {
    for (i, field) in record.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if as_text.iter().any(|c| c.index() == i) && !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit()) {
            out.push(TEXT_MARK);
        }
        quote(field, out);
    }
    out.push_str("\r\n");
}

/// The columns that hold long numbers which are not amounts:
/// 身份证号 and 合医证号. Excel would take their digits for a number, show an 18-digit
/// 身份证号 as 4.30611E+17 and keep only 15 of its digits, and drop leading zeros.
pub const TEXT_COLUMNS: [Column; 2] = [Column::IdNumber, Column::MedicalCard];

/// What [`write_csv`] puts before a [`TEXT_COLUMNS`] value made of digits only, so that Excel
/// keeps it as text: a tab. Reading takes it off again ([`tidy`]), so the file reads back the
/// same in the site and in the `estimate` tool.
pub const TEXT_MARK: char = '\t';

/// The roster as a CSV file: the header, then one record per row, 身份证号 and 合医证号 that
/// are all digits marked as text ([`TEXT_MARK`]).
///
/// ```
/// use engine::roster::{read_csv, write_csv, Row};
/// let row = Row { name: "张三".into(), disease: "胃癌".into(), id_number: "430611196203151235".into(), ..Row::default() };
/// let file = write_csv(&[row.clone()]);
/// assert!(file.contains(",\t430611196203151235,"));
/// assert_eq!(read_csv(&file).rows, [row]);
/// ```
pub fn write_csv(rows: &[Row]) -> String {
    let mut out = String::with_capacity(200 * (rows.len() + 1));
    out.push(BOM);
    push_record(&HEADERS, &[], &mut out);
    for row in rows {
        push_record(&row.fields(), &TEXT_COLUMNS, &mut out);
    }
    out
}

/// Whether text looks like a roster file rather than JSON: a BOM, or the header's first two
/// columns.
pub fn looks_like_csv(text: &str) -> bool {
    text.starts_with(BOM) || text.trim_start().starts_with("序号,姓名")
}

/// Reads a roster file. Columns are found by their headers (in any order; unknown ones are
/// reported once, missing ones are empty). A row with a wrong value is reported and left out;
/// the other rows are read.
pub fn read_csv(text: &str) -> Import {
    let mut import = Import::default();
    let mut records = read_records(text).into_iter();
    let Some((header_line, header)) = records.next() else {
        import.unreadable = Some(RowProblem { row: 1, column: String::new(), reason: "文件是空的".to_owned() });
        return import;
    };
    let columns: Vec<Option<Column>> = header.iter().map(|h| Column::from_header(h.trim())).collect();
    if !columns.contains(&Some(Column::Name)) {
        import.unreadable = Some(RowProblem {
            row: header_line,
            column: String::new(),
            reason: format!("第一行应是表头，至少要有“姓名”一列；各列依次为：{}", HEADERS.join(",")),
        });
        return import;
    }
    if !columns.contains(&Some(Column::Registered)) {
        import.warnings.push(RowProblem {
            row: header_line,
            column: Column::Registered.header().to_owned(),
            reason: "文件里没有这一列：建档立卡贫困人口按“是”、其他按“否”；低保、特困或贫困残疾人同时是建档立卡的，请在这一列填“是”（他们不列入附件1）".to_owned(),
        });
    }
    for (h, c) in header.iter().zip(&columns) {
        if c.is_none() && !h.trim().is_empty() {
            import.warnings.push(RowProblem {
                row: header_line,
                column: h.trim().to_owned(),
                reason: "不认识这一列，已忽略".to_owned(),
            });
        }
    }
    import.rows.reserve(records.len());
    import.row_numbers.reserve(records.len());
    for (line, record) in records {
        if record.len() != header.len() {
            import.errors.push(RowProblem {
                row: line,
                column: String::new(),
                reason: format!("这一行有 {} 列，表头有 {} 列（多了或少了逗号？）", record.len(), header.len()),
            });
            continue;
        }
        let mut row = Row::default();
        for (value, column) in record.into_iter().zip(&columns) {
            if let Some(slot) = column.map(|c| row.field_mut(c)) {
                *slot = value;
            }
        }
        tidy(&mut row);
        let (errors, warnings) = check_row(&row);
        let problem = |(c, reason): (Column, String)| RowProblem { row: line, column: c.header().to_owned(), reason };
        import.warnings.extend(warnings.into_iter().map(problem));
        if errors.is_empty() {
            import.rows.push(row);
            import.row_numbers.push(line);
        } else {
            import.errors.extend(errors.into_iter().map(problem));
        }
    }
    import
}
