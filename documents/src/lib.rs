//! Reads the two policy documents (plain text in `content/documents/`) into their structure —
//! the header, the paragraphs with their headings and clause anchors, the attachments' tables —
//! and writes it as static Rust data, for `app/build.rs`: the site renders the originals without
//! shipping a text parser in the wasm.
//!
//! The text is never altered: paragraphs are only re-joined where a page break of the print cut
//! them, and the whitespace at the ends of lines is dropped. `app/src/routes/documents.rs` holds the
//! types the generated code uses and a test that puts the text back together and compares it
//! with the files.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// (static name, URL slug, file in content/documents/).
pub const DOCUMENTS: &[(&str, &str, &str)] =
    &[("HUNAN", "hunan", "hunan-2017-three-batches.txt"), ("JUNSHAN", "junshan", "junshan-2017-nine-diseases.txt")];

/// The Rust source of every document in `dir` (the files of [`DOCUMENTS`]) and of the clause
/// index, or the file and what is wrong with it.
pub fn generate(dir: &Path) -> Result<String, String> {
    let mut out = String::from("// Written by app/build.rs from content/documents/: do not edit.\n\n");
    for (name, slug, file) in DOCUMENTS {
        let path = dir.join(file);
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        write_document(&mut out, name, slug, &doc);
    }
    // The clause index stands apart from the text, so that a page which only links to clauses
    // does not carry the documents' text with it.
    let _ = writeln!(out, "pub static CLAUSE_INDEX: [(&str, &[(&str, &str)]); {}] = [", DOCUMENTS.len());
    for (name, slug, _) in DOCUMENTS {
        let _ = writeln!(out, "    ({slug:?}, {name}_CLAUSES),");
    }
    let _ = writeln!(out, "];");
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The structure

/// (clause path as the site cites it, e.g. `三(二)`, anchor).
type Clauses = Vec<(String, String)>;

/// A clause number: its value and its numeral as printed (`(2, "二")`).
type Numbered = Option<(u32, String)>;

/// A document as read.
pub struct Doc {
    header: Header,
    paragraphs: Vec<Para>,
    /// In document order.
    clauses: Clauses,
}

struct Header {
    issuers: Vec<String>,
    mark: String,
    number: String,
    title: String,
    date: String,
    datetime: String,
}

enum Kind {
    Title(u8),
    Heading(u8),
    Plain,
    Sign,
    Attachment,
    Note,
    Table(Table),
}

struct Para {
    kind: Kind,
    id: String,
    lead: String,
    text: String,
}

struct Table {
    title: String,
    head: Vec<Vec<Cell>>,
    body: Vec<Vec<String>>,
}

struct Cell {
    text: String,
    colspan: usize,
    rowspan: usize,
}

// ---------------------------------------------------------------------------------------------
// Reading the text

/// A paragraph before classification, or a table of an attachment.
enum Raw {
    Text(String),
    Table(Vec<Vec<String>>),
}

/// Reads a document's text.
pub fn parse(source: &str) -> Result<Doc, String> {
    let lines: Vec<&str> = source.lines().collect();
    let (header_lines, mut i) = read_header(&lines)?;
    let mut raws: Vec<Raw> = Vec::new();
    let mut in_attachments = false;
    let mut blank_before = false;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    while i < lines.len() {
        let raw = lines[i];
        i += 1;
        // In the attachments, a line that starts with a tab is one cell of a form.
        if in_attachments && raw.starts_with('\t') {
            row.push(raw.trim().to_string());
            continue;
        }
        if raw.trim().is_empty() {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            blank_before = true;
            continue;
        }
        if !row.is_empty() {
            rows.push(std::mem::take(&mut row));
        }
        if !rows.is_empty() {
            raws.push(Raw::Table(std::mem::take(&mut rows)));
        }
        let line = raw.trim();
        if is_attachment_label(line).is_some() {
            in_attachments = true;
        }
        match raws.last_mut() {
            Some(Raw::Text(prev)) if continues(prev, line, blank_before) => prev.push_str(line),
            _ => raws.push(Raw::Text(line.to_string())),
        }
        blank_before = false;
    }
    if !row.is_empty() {
        rows.push(row);
    }
    if !rows.is_empty() {
        raws.push(Raw::Table(rows));
    }
    let header = make_header(header_lines, &raws)?;
    let (paragraphs, clauses) = classify(raws)?;
    Ok(Doc { header, paragraphs, clauses })
}

/// The letterhead: issuers, the word 文件, the number and the notice's title (up to "通知").
fn read_header<'a>(lines: &[&'a str]) -> Result<(Vec<&'a str>, usize), String> {
    let mut header = Vec::new();
    let mut i = 0;
    let mut seen_number = false;
    while i < lines.len() {
        let line = lines[i].trim();
        i += 1;
        if line.is_empty() {
            continue;
        }
        header.push(line);
        if !seen_number {
            seen_number = is_document_number(line);
        } else if line.ends_with("通知") {
            return Ok((header, i));
        }
    }
    Err("no document number and notice title (a line ending in 通知) at the top".into())
}

fn make_header(lines: Vec<&str>, raws: &[Raw]) -> Result<Header, String> {
    let number_at = lines.iter().position(|l| is_document_number(l)).ok_or("no document number")?;
    let mut issuers = Vec::new();
    let mut mark = String::new();
    for line in &lines[..number_at] {
        if *line == "文件" {
            mark = line.to_string();
        } else {
            issuers.push(line.to_string());
        }
    }
    let date = raws
        .iter()
        .find_map(|r| match r {
            Raw::Text(t) if is_plain_date(t) => Some(t.clone()),
            _ => None,
        })
        .ok_or("no line that is only a date (the date of issue)")?;
    let datetime = iso_date(&date).ok_or_else(|| format!("cannot read the date {date:?}"))?;
    Ok(Header {
        issuers,
        mark,
        number: lines[number_at].to_string(),
        // A title printed on two lines keeps its line break: it is the original's layout.
        title: lines[number_at + 1..].join("\n"),
        date,
        datetime,
    })
}

/// Whether `line` goes on the paragraph `prev`: the print's page breaks cut paragraphs
/// mid-sentence (and once pushed a clause's closing "（…牵头…配合）" onto the next page).
fn continues(prev: &str, line: &str, blank_before: bool) -> bool {
    if starts_numbered(line) || line.starts_with("附件") {
        return false;
    }
    let long = prev.chars().filter(|c| !c.is_whitespace()).count() >= 40;
    if long && line.starts_with('（') && line.ends_with('）') && line.contains("牵头") {
        return true;
    }
    match prev.chars().last() {
        Some('，' | '、') => true,
        // Sentence punctuation tells prose from a title, a heading or a name on its own line.
        Some(c) => blank_before && (long || prev.contains(['。', '，', '；'])) && !"。；：:！？）)”」".contains(c),
        None => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Classifying the paragraphs

fn classify(raws: Vec<Raw>) -> Result<(Vec<Para>, Clauses), String> {
    let text_of = |r: &Raw| match r {
        Raw::Text(t) => Some(t.clone()),
        Raw::Table(_) => None,
    };
    let texts: Vec<Option<String>> = raws.iter().map(text_of).collect();
    let n = raws.len();
    let att_start = texts.iter().position(|t| t.as_deref().and_then(is_attachment_label).is_some()).unwrap_or(n);
    let clause_start = texts.iter().position(|t| t.as_deref().and_then(level1).is_some()).ok_or("no clause 一、")?;
    let clause_end = texts[clause_start..]
        .iter()
        .position(|t| t.as_deref().is_some_and(|t| t.starts_with("附件")))
        .map_or(n, |k| clause_start + k);

    // Signatures and dates: a dated line, the issuers above it, the imprint notes below it.
    let mut sign = vec![false; n];
    let mut first_sign_end = None;
    for k in 0..att_start {
        let Some(t) = &texts[k] else { continue };
        if !is_dated(t) || sign[k] {
            continue;
        }
        sign[k] = true;
        let mut b = k;
        while b > 0 && texts[b - 1].as_deref().is_some_and(is_short_plain) {
            b -= 1;
            sign[b] = true;
        }
        let mut e = k + 1;
        while e < att_start && texts[e].as_deref().is_some_and(is_sign_note) {
            sign[e] = true;
            e += 1;
        }
        first_sign_end.get_or_insert(e);
    }
    // The plan's own title follows the notice's signature: its one or two short lines.
    let mut title = Vec::new();
    if let Some(mut k) = first_sign_end {
        while k < clause_start && texts[k].as_deref().is_some_and(is_short_plain) {
            title.push(k);
            k += 1;
        }
    }

    let mut paragraphs = Vec::new();
    let mut clauses = Vec::new();
    let (mut n1, mut n2): (Numbered, Numbered) = (None, None);
    let mut attachment: Option<String> = None;
    let mut after_table = false;
    for (k, raw) in raws.into_iter().enumerate() {
        let number = paragraphs.len() + 1;
        let p_id = format!("p{number}");
        let text = match raw {
            Raw::Table(rows) => {
                let title = attachment.clone().ok_or("a table outside an attachment")?;
                let table = make_table(title, rows)?;
                paragraphs.push(Para { kind: Kind::Table(table), id: p_id, lead: String::new(), text: String::new() });
                after_table = true;
                continue;
            }
            Raw::Text(t) => t,
        };
        if title.first() == Some(&k) {
            let lines: Vec<&str> = title.iter().filter_map(|&j| texts[j].as_deref()).collect();
            paragraphs.push(Para { kind: Kind::Title(2), id: p_id, lead: String::new(), text: lines.join("\n") });
            continue;
        }
        if title.contains(&k) {
            continue;
        }
        let (kind, id, lead, text) = if sign[k] {
            (Kind::Sign, p_id, String::new(), text)
        } else if let Some(label) = is_attachment_label(&text) {
            after_table = false;
            attachment = Some(String::new());
            (Kind::Attachment, format!("att{label}"), text, String::new())
        } else if attachment.as_deref() == Some("") {
            attachment = Some(text.clone());
            (Kind::Title(3), p_id, String::new(), text)
        } else if after_table {
            (Kind::Note, p_id, String::new(), text)
        } else if (clause_start..clause_end).contains(&k) {
            if let Some((num, numeral)) = level1(&text) {
                n1 = Some((num, numeral.clone()));
                n2 = None;
                clauses.push((numeral, format!("s{num}")));
                let (lead, rest) = split_lead(&text);
                (Kind::Heading(1), format!("s{num}"), lead, rest)
            } else if let Some((num, numeral)) = level2(&text) {
                let (a, a_numeral) = n1.clone().ok_or_else(|| format!("（{numeral}） before any 一、"))?;
                n2 = Some((num, numeral.clone()));
                clauses.push((format!("{a_numeral}({numeral})"), format!("s{a}-{num}")));
                let (lead, rest) = split_lead(&text);
                (Kind::Heading(2), format!("s{a}-{num}"), lead, rest)
            } else if let Some(num) = level3(&text) {
                let (a, a_numeral) = n1.clone().ok_or_else(|| format!("{num}. before any 一、"))?;
                let (b, path) = match &n2 {
                    Some((b, b_numeral)) => (*b, format!("{a_numeral}({b_numeral}){num}")),
                    None => (0, format!("{a_numeral}{num}")),
                };
                clauses.push((path, format!("s{a}-{b}-{num}")));
                let (lead, rest) = split_lead(&text);
                (Kind::Heading(3), format!("s{a}-{b}-{num}"), lead, rest)
            } else {
                (Kind::Plain, p_id, String::new(), text)
            }
        } else {
            (Kind::Plain, p_id, String::new(), text)
        };
        paragraphs.push(Para { kind, id, lead, text });
    }
    for (label, id) in paragraphs.iter().filter(|p| matches!(p.kind, Kind::Attachment)).map(|p| (&p.lead, &p.id)) {
        clauses.push((label.clone(), id.clone()));
    }
    let mut ids: Vec<&str> = paragraphs.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("the anchor {} is given twice", w[0]));
    }
    Ok((paragraphs, clauses))
}

/// A clause's own heading, shown as a heading: its number and title up to the first 。 or ：,
/// when that is short; a long first sentence stays plain text (the lead is then empty).
fn split_lead(text: &str) -> (String, String) {
    const MAX: usize = 20;
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '：' | ':'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    if text[..end].chars().count() <= MAX {
        (text[..end].to_string(), text[end..].to_string())
    } else {
        (String::new(), text.to_string())
    }
}

/// A form: rows of cells. The header is the rows up to the first full row; a shorter first
/// row spans: its cells over empty cells below reach down two rows, the rest share the width.
fn make_table(title: String, rows: Vec<Vec<String>>) -> Result<Table, String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let full = rows.iter().position(|r| r.len() == width).ok_or("an empty table")?;
    let cell = |text: &str, colspan, rowspan| Cell { text: text.to_string(), colspan, rowspan };
    let head = match full {
        0 => vec![rows[0].iter().map(|t| cell(t, 1, 1)).collect()],
        1 => {
            let (top, below) = (&rows[0], &rows[1]);
            let covered = below.iter().take_while(|t| t.is_empty()).count();
            let shared =
                top.len().checked_sub(covered).filter(|s| *s > 0).ok_or("a header row with no spanning cell")?;
            if (width - covered) % shared != 0 {
                return Err(format!("cannot spread {shared} header cells over {} columns", width - covered));
            }
            let span = (width - covered) / shared;
            let first = top
                .iter()
                .enumerate()
                .map(|(i, t)| if i < covered { cell(t, 1, 2) } else { cell(t, span, 1) })
                .collect();
            vec![first, below[covered..].iter().map(|t| cell(t, 1, 1)).collect()]
        }
        _ => return Err("a table with more than two header rows".into()),
    };
    let body: Vec<Vec<String>> = rows[full + 1..].to_vec();
    if let Some(r) = body.iter().find(|r| r.len() != width) {
        return Err(format!("a row of {} cells in a table {width} wide: {r:?}", r.len()));
    }
    Ok(Table { title, head, body })
}

// ---------------------------------------------------------------------------------------------
// Recognising lines

const NUMERALS: &str = "一二三四五六七八九十";

/// 一 … 九十九.
fn numeral_value(s: &str) -> Option<u32> {
    let digit = |c: char| NUMERALS.chars().position(|d| d == c).map(|p| p as u32 + 1).filter(|v| *v < 10);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// "一、…" → (1, "一").
fn level1(text: &str) -> Option<(u32, String)> {
    let (head, _) = text.split_once('、')?;
    Some((numeral_value(head)?, head.to_string()))
}

/// "（二）…" → (2, "二").
fn level2(text: &str) -> Option<(u32, String)> {
    let (head, _) = text.strip_prefix('（')?.split_once('）')?;
    Some((numeral_value(head)?, head.to_string()))
}

/// "3.…" → 3.
fn level3(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    if digits.is_empty() || !(rest.starts_with('.') || rest.starts_with('．')) {
        return None;
    }
    digits.parse().ok()
}

fn starts_numbered(text: &str) -> bool {
    level1(text).is_some() || level2(text).is_some() || level3(text).is_some()
}

/// "附件2" → "2".
fn is_attachment_label(text: &str) -> Option<&str> {
    let n = text.strip_prefix("附件")?;
    (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some(n)
}

fn is_document_number(line: &str) -> bool {
    line.contains('〔') && line.ends_with('号')
}

fn visible_len(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// A short line with no sentence punctuation: a name, an issuer, a title.
fn is_short_plain(text: &str) -> bool {
    visible_len(text) <= 40 && !text.contains(['。', '，', '；', '、']) && !starts_numbered(text)
}

/// What is printed under a date: "(信息公开形式：主动公开)", "校对：…", another dated line.
fn is_sign_note(text: &str) -> bool {
    let bracketed = (text.starts_with('(') || text.starts_with('（')) && (text.ends_with(')') || text.ends_with('）'));
    visible_len(text) <= 40 && (is_dated(text) || bracketed || (text.contains('：') && is_short_plain(text)))
}

/// The year, month and day of a date like 2017年6月30日 found in `text` (the middle character
/// is not checked: one imprint reads 2017年9岳11日).
fn find_date(text: &str) -> Option<(usize, [u32; 3], usize)> {
    let chars: Vec<char> = text.chars().collect();
    let number = |from: usize, max: usize| {
        if from > chars.len() {
            return (0, None);
        }
        let len = chars[from..].iter().take(max).take_while(|c| c.is_ascii_digit()).count();
        let value: String = chars[from..from + len].iter().collect();
        (len, value.parse::<u32>().ok())
    };
    for (i, c) in chars.iter().enumerate() {
        if *c != '年' || i < 4 {
            continue;
        }
        let (ylen, year) = number(i - 4, 4);
        let (mlen, month) = number(i + 1, 2);
        if ylen != 4 || mlen == 0 {
            continue;
        }
        let (dlen, day) = number(i + 2 + mlen, 2);
        if dlen == 0 || chars.get(i + 2 + mlen + dlen) != Some(&'日') {
            continue;
        }
        return Some((i - 4, [year?, month?, day?], i + 3 + mlen + dlen));
    }
    None
}

fn is_dated(text: &str) -> bool {
    visible_len(text) <= 40 && find_date(text).is_some()
}

/// A line that is a date and nothing else.
fn is_plain_date(text: &str) -> bool {
    matches!(find_date(text), Some((0, _, end)) if end == text.chars().count()) && text.contains('月')
}

fn iso_date(text: &str) -> Option<String> {
    let (_, [y, m, d], _) = find_date(text)?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

// ---------------------------------------------------------------------------------------------
// Writing Rust

fn write_document(out: &mut String, name: &str, slug: &str, doc: &Doc) {
    let h = &doc.header;
    let _ = writeln!(out, "pub static {name}_CLAUSES: &[(&str, &str)] = &{:?};", doc.clauses);
    let _ = writeln!(out, "pub static {name}: Document = Document {{");
    let _ = writeln!(out, "    slug: {slug:?},");
    let _ = writeln!(
        out,
        "    header: Header {{ issuers: &{:?}, mark: {:?}, number: {:?}, title: {:?}, date: {:?}, datetime: {:?} }},",
        h.issuers, h.mark, h.number, h.title, h.date, h.datetime
    );
    let _ = writeln!(out, "    paragraphs: &[");
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let number = i + 1;
        let kind = match &p.kind {
            Kind::Title(level) => format!("Kind::Title({level})"),
            Kind::Heading(level) => format!("Kind::Heading({level})"),
            Kind::Plain => "Kind::Plain".into(),
            Kind::Sign => "Kind::Sign".into(),
            Kind::Attachment => "Kind::Attachment".into(),
            Kind::Note => "Kind::Note".into(),
            Kind::Table(t) => table_literal(t),
        };
        let _ = writeln!(
            out,
            "        Paragraph {{ id: {:?}, p_id: \"p{number}\", number: {number}, kind: {kind}, lead: {:?}, text: {:?} }},",
            p.id, p.lead, p.text
        );
    }
    let _ = writeln!(out, "    ],");
    let _ = writeln!(out, "    clauses: {name}_CLAUSES,");
    let _ = writeln!(out, "}};\n");
}

fn table_literal(t: &Table) -> String {
    let mut s = format!("Kind::Table(&Table {{ title: {:?}, head: &[", t.title);
    for row in &t.head {
        s.push_str("&[");
        for c in row {
            let _ = write!(s, "Cell {{ text: {:?}, colspan: {}, rowspan: {} }}, ", c.text, c.colspan, c.rowspan);
        }
        s.push_str("], ");
    }
    s.push_str("], body: &[");
    for row in &t.body {
        let _ = write!(s, "&{row:?}, ");
    }
    s.push_str("] })");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_numbers_are_read_as_printed() {
        assert_eq!(numeral_value("三"), Some(3));
        assert_eq!(numeral_value("十"), Some(10));
        assert_eq!(numeral_value("十二"), Some(12));
        assert_eq!(numeral_value("二十一"), Some(21));
        assert_eq!(numeral_value("甲"), None);
        assert_eq!(level1("三、支付政策"), Some((3, "三".to_owned())));
        assert_eq!(level1("支付政策、三"), None);
        assert_eq!(level2("（二）救治流程"), Some((2, "二".to_owned())));
        assert_eq!(level2("(二)救治流程"), None, "half-width brackets are not the documents' form");
        assert_eq!(level3("1.确定定点救治"), Some(1));
        assert_eq!(level3("2．健全救治队伍"), Some(2));
        assert_eq!(level3("2017年"), None);
    }

    #[test]
    fn dates_are_found_in_the_text() {
        assert_eq!(find_date("印发日期：2017年9月11日。").map(|(_, d, _)| d), Some([2017, 9, 11]));
        assert_eq!(iso_date("2017年6月30日").as_deref(), Some("2017-06-30"));
        // The print's "9岳11日" (岳 for 月): any one character between month and day is taken.
        assert_eq!(find_date("2017年9岳11日印发").map(|(_, d, _)| d), Some([2017, 9, 11]));
        assert_eq!(find_date("2017年9月"), None, "no day");
        assert_eq!(find_date("到2018年底前"), None);
    }

    #[test]
    fn a_short_lead_is_split_off_and_a_long_one_is_not() {
        assert_eq!(
            split_lead("建立救治台账。区卫生计生局……"),
            ("建立救治台账。".to_owned(), "区卫生计生局……".to_owned())
        );
        let long = "这是一句很长很长很长很长很长很长很长很长的话，没有冒号也没有句号";
        assert_eq!(split_lead(long), (String::new(), long.to_owned()));
    }

    #[test]
    fn a_document_is_read_into_its_header_headings_and_clauses() {
        let text = "\
岳君卫发〔2017〕71号

关于印发某方案的通知

各单位：
现将方案印发给你们。

某局

2017年9月11日

某方案

一、总体要求
以人民为中心。
二、救治流程
（一）建立救治台账
1.建档立卡贫困人口，在系统内建立救治台账。
2.非建档立卡的，按照附件1建立救治台账。
";
        let doc = parse(text).unwrap();
        assert_eq!(doc.header.number, "岳君卫发〔2017〕71号");
        assert_eq!(doc.header.datetime, "2017-09-11");
        let clauses: Vec<&str> = doc.clauses.iter().map(|(c, _)| c.as_str()).collect();
        for clause in ["一", "二", "二(一)", "二(一)1", "二(一)2"] {
            assert!(clauses.contains(&clause), "{clause} is not among {clauses:?}");
        }
        // Every character of the body is kept.
        let body: String = doc.paragraphs.iter().map(|p| format!("{}{}", p.lead, p.text)).collect();
        assert!(body.contains("非建档立卡的，按照附件1建立救治台账。"), "{body}");
        assert!(parse("没有文号的文字").is_err());
    }

    #[test]
    fn both_documents_of_the_site_are_read() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/documents");
        let out = generate(&dir).unwrap();
        assert!(out.contains("pub static HUNAN: Document"));
        assert!(out.contains("pub static JUNSHAN_CLAUSES"));
        assert!(out.contains("\"四(一)2\""), "Junshan's 四(一)2 has its anchor");
    }
}
