//! The cadres' roster of poor patients with one of the nine diseases (the 台账 of Junshan 四（一）
//! and its 附件1), as a CSV file with Chinese headers: reading and writing it, checking each row
//! and the 身份证号 in it, turning a row into a case for the engine, and counting the rows for
//! 附件3. Shared by the site and the `estimate` tool, so both read the same file the same way.
//!
//! The file is UTF-8 with a byte-order mark (so Excel reads the Chinese) and CRLF line ends;
//! reading accepts it with or without the mark and with CRLF or LF. Quoting is RFC 4180.
//! 身份证号 and 合医证号 made of digits are written with a tab before them so that Excel keeps
//! them as text ([`TEXT_MARK`]); reading takes the tab off.
//!
//! ```
//! use engine::roster::{read_csv, write_csv};
//! let text = "序号,姓名,性别,年龄,籍贯,身份证号,合医证号,贫困登记,疾病,医院,是否转诊,出院日期,住院总费用,政策范围内费用,建立台账时间,救治状态,完成救治日期,备注\n\
//!             1,张三,男,56,君山区,,,农村低保对象,胃癌,君山区人民医院,否,2018-03-01,50000,45000,2017-10-01,未完成,,\n";
//! let import = read_csv(text);
//! assert!(import.errors.is_empty());
//! assert_eq!(import.rows[0].name, "张三");
//! assert_eq!(read_csv(&write_csv(&import.rows)).rows, import.rows);
//! ```

mod check;
mod file;
mod forms;
mod id;
mod year;

pub use check::{check_row, CellMessages};
pub use file::{
    excel_date, looks_like_csv, read_csv, read_records, tidy, write_csv, write_records, Import, RowProblem,
    TEXT_COLUMNS, TEXT_MARK,
};
pub use forms::{progress, ProgressRow, Totals, PROGRESS_GROUPS};
pub use id::{check_id, id_check_char, IdProblem};
pub use year::{estimate_rows, one_per_person, person_key};

use crate::case::CaseText;
use crate::{Case, CaseInput, Estimate, EstimateError, Ledger};
use policy::{Category, Date, DiseaseId, HospitalId, HospitalLevel, Policy, Region};
use serde::{Deserialize, Serialize};

/// A column of the roster file, in the file's order. 是否建档立卡 and 家庭地址 are last, so that a
/// file made before them still lines up; every column is found by its header anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// 序号
    Serial,
    /// 姓名
    Name,
    /// 性别
    Sex,
    /// 年龄
    Age,
    /// 籍贯
    NativePlace,
    /// 身份证号
    IdNumber,
    /// 合医证号
    MedicalCard,
    /// 贫困登记
    Category,
    /// 疾病
    Disease,
    /// 医院
    Hospital,
    /// 是否转诊
    Referred,
    /// 出院日期
    DischargeDate,
    /// 住院总费用
    TotalCost,
    /// 政策范围内费用
    InPolicyCost,
    /// 建立台账时间
    LedgerDate,
    /// 救治状态
    Status,
    /// 完成救治日期
    CompletedDate,
    /// 备注
    Remarks,
    /// 是否建档立卡
    Registered,
    /// 家庭地址
    Address,
}

impl Column {
    /// Every column, in the file's order.
    pub const ALL: [Column; 20] = [
        Column::Serial,
        Column::Name,
        Column::Sex,
        Column::Age,
        Column::NativePlace,
        Column::IdNumber,
        Column::MedicalCard,
        Column::Category,
        Column::Disease,
        Column::Hospital,
        Column::Referred,
        Column::DischargeDate,
        Column::TotalCost,
        Column::InPolicyCost,
        Column::LedgerDate,
        Column::Status,
        Column::CompletedDate,
        Column::Remarks,
        Column::Registered,
        Column::Address,
    ];

    /// The Chinese header.
    pub const fn header(self) -> &'static str {
        match self {
            Column::Serial => "序号",
            Column::Name => "姓名",
            Column::Sex => "性别",
            Column::Age => "年龄",
            Column::NativePlace => "籍贯",
            Column::IdNumber => "身份证号",
            Column::MedicalCard => "合医证号",
            Column::Category => "贫困登记",
            Column::Disease => "疾病",
            Column::Hospital => "医院",
            Column::Referred => "是否转诊",
            Column::DischargeDate => "出院日期",
            Column::TotalCost => "住院总费用",
            Column::InPolicyCost => "政策范围内费用",
            Column::LedgerDate => "建立台账时间",
            Column::Status => "救治状态",
            Column::CompletedDate => "完成救治日期",
            Column::Remarks => "备注",
            Column::Registered => "是否建档立卡",
            Column::Address => "家庭地址",
        }
    }

    /// Its place in the file (and in [`HEADERS`]).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The column with this header.
    pub fn from_header(header: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.header() == header)
    }

    /// The column that holds an engine field, for messages about a row; `None` for a field the
    /// roster does not have.
    pub const fn of_field(field: crate::Field) -> Option<Column> {
        use crate::Field;
        Some(match field {
            Field::Date => Column::DischargeDate,
            Field::Category => Column::Category,
            Field::Registered => Column::Registered,
            Field::Disease => Column::Disease,
            Field::Age => Column::Age,
            Field::Hospital => Column::Hospital,
            Field::Referred => Column::Referred,
            Field::TotalCost => Column::TotalCost,
            Field::InPolicyCost => Column::InPolicyCost,
            Field::Region
            | Field::InCounty
            | Field::Designated
            | Field::TehuiRatio
            | Field::BasicPaidThisYear
            | Field::CriticalPaidThisYear
            | Field::CriticalBaseThisYear
            | Field::Stays
            | Field::Members
            | Field::TehuiPremium => return None,
        })
    }
}

/// The columns of the file, in order, as their Chinese headers.
pub const HEADERS: [&str; 20] = {
    let mut headers = [""; 20];
    let mut i = 0;
    while i < headers.len() {
        headers[i] = Column::ALL[i].header();
        i += 1;
    }
    headers
};

/// The byte-order mark written first, so that Excel takes the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// One patient of the roster, every field as text exactly as the file holds it (trimmed).
/// Empty means not filled in. [`check_row`] says what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Row {
    /// 序号
    pub serial: String,
    /// 姓名 (required)
    pub name: String,
    /// 性别: 男 or 女
    pub sex: String,
    /// 年龄, whole years
    pub age: String,
    /// 籍贯
    pub native_place: String,
    /// 身份证号, 18 characters
    pub id_number: String,
    /// 合医证号
    pub medical_card: String,
    /// 贫困登记: a category's Chinese name
    pub category: String,
    /// 疾病: a disease's Chinese name
    pub disease: String,
    /// 医院: a named hospital or a level, in Chinese
    pub hospital: String,
    /// 是否转诊: 是 or 否
    pub referred: String,
    /// 出院日期, YYYY-MM-DD: the day that settles the bill
    pub discharge_date: String,
    /// 住院总费用, yuan
    pub total_cost: String,
    /// 政策范围内费用, yuan
    pub in_policy_cost: String,
    /// 建立台账时间, YYYY-MM-DD
    pub ledger_date: String,
    /// 救治状态: 未完成 or 已完成
    pub status: String,
    /// 完成救治日期, YYYY-MM-DD, required when 已完成
    pub completed_date: String,
    /// 备注 (e.g. why the patient left the ledger)
    pub remarks: String,
    /// 是否建档立卡: 是, 否, or empty for the default of calculation.md (是 for 建档立卡贫困人口,
    /// 否 for the others). Apart from 贫困登记, which sets the rates: a 低保 or 特困 patient can be
    /// 建档立卡 too, and then belongs in the province's 动态管理系统, not on 附件1 (Junshan 四(一)).
    pub registered: String,
    /// 家庭地址, for the list of patients 附件3 注1 asks to attach.
    pub address: String,
}

impl Row {
    /// The fields in the order of [`HEADERS`].
    pub fn fields(&self) -> [&str; 20] {
        Column::ALL.map(|c| self.field(c))
    }

    /// The field under a column.
    pub fn field(&self, column: Column) -> &str {
        match column {
            Column::Serial => &self.serial,
            Column::Name => &self.name,
            Column::Sex => &self.sex,
            Column::Age => &self.age,
            Column::NativePlace => &self.native_place,
            Column::IdNumber => &self.id_number,
            Column::MedicalCard => &self.medical_card,
            Column::Category => &self.category,
            Column::Disease => &self.disease,
            Column::Hospital => &self.hospital,
            Column::Referred => &self.referred,
            Column::DischargeDate => &self.discharge_date,
            Column::TotalCost => &self.total_cost,
            Column::InPolicyCost => &self.in_policy_cost,
            Column::LedgerDate => &self.ledger_date,
            Column::Status => &self.status,
            Column::CompletedDate => &self.completed_date,
            Column::Remarks => &self.remarks,
            Column::Registered => &self.registered,
            Column::Address => &self.address,
        }
    }

    /// The field under a column, to fill it.
    pub fn field_mut(&mut self, column: Column) -> &mut String {
        match column {
            Column::Serial => &mut self.serial,
            Column::Name => &mut self.name,
            Column::Sex => &mut self.sex,
            Column::Age => &mut self.age,
            Column::NativePlace => &mut self.native_place,
            Column::IdNumber => &mut self.id_number,
            Column::MedicalCard => &mut self.medical_card,
            Column::Category => &mut self.category,
            Column::Disease => &mut self.disease,
            Column::Hospital => &mut self.hospital,
            Column::Referred => &mut self.referred,
            Column::DischargeDate => &mut self.discharge_date,
            Column::TotalCost => &mut self.total_cost,
            Column::InPolicyCost => &mut self.in_policy_cost,
            Column::LedgerDate => &mut self.ledger_date,
            Column::Status => &mut self.status,
            Column::CompletedDate => &mut self.completed_date,
            Column::Remarks => &mut self.remarks,
            Column::Registered => &mut self.registered,
            Column::Address => &mut self.address,
        }
    }

    /// The disease, when the name is one the policy knows.
    pub fn disease_id(&self) -> Option<DiseaseId> {
        DiseaseId::ALL.iter().copied().find(|d| d.name() == self.disease)
    }

    /// The category, when the name is one of the four poor categories.
    pub fn category_id(&self) -> Option<Category> {
        CATEGORIES.iter().copied().find(|c| c.name() == self.category)
    }

    /// Whether the patient is 建档立卡 (附件3's first half; 附件1 lists the others): the
    /// 是否建档立卡 column, or where it is empty, whether 贫困登记 is 建档立卡贫困人口.
    pub fn is_registered(&self) -> bool {
        match self.registered.as_str() {
            "是" => true,
            "否" => false,
            _ => self.category_id() == Some(Category::RegisteredPoor),
        }
    }

    /// Whether treatment was completed on or before `day`.
    pub fn completed_by(&self, day: Date) -> bool {
        self.status == STATUS_DONE && Date::parse(&self.completed_date).is_some_and(|d| d <= day)
    }

    /// The case the engine estimates: the Junshan layer on the day of discharge. Empty fields
    /// stay empty, so the engine names what is missing.
    pub fn case_input(&self) -> CaseInput {
        self.case_text().to_input()
    }

    /// [`Row::case_input`], borrowed from the row.
    fn case_text(&self) -> CaseText<'_> {
        fn text(s: &str) -> Option<&str> {
            (!s.is_empty()).then_some(s)
        }
        CaseText {
            region: Some("junshan"),
            date: text(&self.discharge_date),
            category: self.category_id().map(|c| c.id()).or_else(|| text(&self.category)),
            disease: self.disease_id().map(|d| d.id()).or_else(|| text(&self.disease)),
            age: text(&self.age),
            hospital: hospital_id(&self.hospital).or_else(|| text(&self.hospital)),
            referred: match self.referred.as_str() {
                "是" => Some("true"),
                "否" => Some("false"),
                other => text(other),
            },
            total_cost: text(&self.total_cost),
            in_policy_cost: text(&self.in_policy_cost),
            registered: match self.registered.as_str() {
                "是" => Some("true"),
                "否" => Some("false"),
                other => text(other),
            },
            ..CaseText::default()
        }
    }

    /// Where the patient is entered (Junshan 四(一)), as the estimate gives it: `None` for a
    /// disease outside the nine, a child older than the age limit (I4), or a row whose
    /// 贫困登记 or 疾病 is not one the policy knows. 附件1 lists the [`Ledger::Annex1`] rows; 附件3
    /// counts the two ledgers apart.
    ///
    /// ```
    /// use engine::{roster::Row, Ledger};
    /// let p = policy::Policy::builtin();
    /// let mut row = Row { category: "农村低保对象".into(), disease: "胃癌".into(), age: "56".into(), ..Row::default() };
    /// assert_eq!(row.ledger(&p), Some(Ledger::Annex1));
    /// row.registered = "是".into();
    /// assert_eq!(row.ledger(&p), Some(Ledger::DynamicManagementSystem));
    /// row.disease = "儿童室间隔缺损".into();
    /// row.age = "15".into();
    /// assert_eq!(row.ledger(&p), None);
    /// ```
    pub fn ledger(&self, policy: &Policy) -> Option<Ledger> {
        let category = self.category_id()?;
        let disease = self.disease_id()?;
        // An age that cannot be read is reported with the row; a children's disease needs one.
        let age = self.age.trim().parse::<u8>().unwrap_or(if policy.disease(disease).max_age.is_some() {
            u8::MAX
        } else {
            0
        });
        Ledger::of(policy, Region::Junshan, category, self.is_registered(), disease, age)
    }

    /// The case of [`Row::case_input`], checked, or the first field at fault.
    pub fn case(&self) -> Result<Case, EstimateError> {
        self.case_text().parse()
    }

    /// The engine's estimate for this row, or why there is none. For many rows, an
    /// [`Estimator`](crate::Estimator) with [`Row::case`] gives the same, faster.
    pub fn estimate(&self, policy: &Policy) -> Result<Estimate, EstimateError> {
        crate::estimate_with_policy(policy, &self.case()?)
    }
}

/// The header of the column that holds an engine field (by its JSON name), for messages about
/// a row; "" for a field the roster does not have.
pub fn column_of(field: &str) -> &'static str {
    crate::Field::from_name(field).and_then(Column::of_field).map_or("", Column::header)
}

/// The poor categories a roster row may have, in the documents' order.
pub const CATEGORIES: [Category; 4] =
    [Category::Dibao, Category::Tekun, Category::RegisteredPoor, Category::DisabledPoor];

/// 救治状态 values.
pub const STATUS_OPEN: &str = "未完成";
/// 救治状态 when treatment is completed.
pub const STATUS_DONE: &str = "已完成";

/// The hospitals a row may name, as (Chinese, engine id): the two named hospitals, then levels.
pub fn hospitals() -> Vec<(&'static str, &'static str)> {
    let named = HospitalId::ALL.iter().map(|h| (h.name(), h.id()));
    named.chain(HospitalLevel::ALL.iter().map(|l| (l.name(), l.id()))).collect()
}

/// The engine id of a hospital named as [`hospitals`] names it (looked up without building
/// that list: it is done for every row).
pub(crate) fn hospital_id(name: &str) -> Option<&'static str> {
    let named = HospitalId::ALL.iter().find(|h| h.name() == name).map(|h| h.id());
    named.or_else(|| HospitalLevel::ALL.iter().find(|l| l.name() == name).map(|l| l.id()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// A made-up number with a correct check digit (area 430611 is 君山区; nobody real).
    fn valid_id(birth: &str, seq: &str) -> String {
        let first = format!("430611{birth}{seq}");
        let check = id_check_char(&first).unwrap();
        format!("{first}{check}")
    }

    fn header() -> String {
        HEADERS.join(",")
    }

    fn good_row() -> Row {
        Row {
            serial: "1".into(),
            name: "张三".into(),
            sex: "男".into(),
            age: "56".into(),
            native_place: "君山区".into(),
            id_number: valid_id("19620315", "123"),
            medical_card: "43061100123".into(),
            category: "农村低保对象".into(),
            disease: "胃癌".into(),
            hospital: "君山区人民医院".into(),
            referred: "否".into(),
            discharge_date: "2018-03-01".into(),
            total_cost: "50000".into(),
            in_policy_cost: "45000".into(),
            ledger_date: "2017-10-01".into(),
            status: "已完成".into(),
            completed_date: "2018-03-01".into(),
            remarks: "".into(),
            registered: "".into(),
            address: "君山区柳林洲镇".into(),
        }
    }

    #[test]
    fn each_column_has_its_header_and_its_field() {
        assert_eq!(HEADERS.len(), Column::ALL.len());
        let mut row = Row::default();
        for (i, column) in Column::ALL.into_iter().enumerate() {
            assert_eq!(column.index(), i);
            assert_eq!(HEADERS[i], column.header());
            assert_eq!(Column::from_header(column.header()), Some(column));
            *row.field_mut(column) = format!("v{i}");
        }
        let fields = row.fields();
        assert!(fields.iter().enumerate().all(|(i, f)| *f == format!("v{i}")), "{fields:?}");
        assert_eq!(column_of("date"), "出院日期");
        assert_eq!(column_of("registered"), "是否建档立卡");
        assert_eq!(column_of("tehui_ratio"), "");
    }

    #[test]
    fn a_child_over_the_age_limit_is_flagged_and_on_no_ledger() {
        let mut row = good_row();
        row.disease = "儿童室间隔缺损".into();
        row.age = "15".into();
        let (errors, warnings) = check_row(&row);
        assert!(errors.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, Column::Age, "beside the age");
        assert!(warnings[0].1.contains("本站的理解（I4"), "{}", warnings[0].1);
        assert_eq!(row.ledger(&Policy::builtin()), None);
        row.age = "14".into();
        assert!(check_row(&row).1.is_empty());
        assert_eq!(row.ledger(&Policy::builtin()), Some(Ledger::Annex1));
    }

    #[test]
    fn the_address_column_is_read_and_written() {
        let text = write_csv(&[good_row()]);
        assert!(text.lines().next().unwrap().ends_with(",是否建档立卡,家庭地址"));
        let import = read_csv(&text);
        assert_eq!(import.rows[0].address, "君山区柳林洲镇");
    }

    #[test]
    fn registered_is_its_own_column_with_the_category_as_default() {
        let mut row = good_row();
        assert!(!row.is_registered(), "a 低保 patient with the column empty is not 建档立卡");
        row.registered = "是".into();
        assert!(row.is_registered(), "a 低保 patient who is also 建档立卡");
        assert!(check_row(&row).0.is_empty());
        row.category = "建档立卡贫困人口".into();
        row.registered = String::new();
        assert!(row.is_registered(), "the default for 建档立卡贫困人口");
        row.registered = "否".into();
        assert_eq!(
            check_row(&row).0,
            vec![(Column::Registered, "贫困登记是建档立卡贫困人口，是否建档立卡不能填“否”".to_owned())]
        );
        row.registered = "也许".into();
        assert_eq!(check_row(&row).0[0].0, Column::Registered);
    }

    #[test]
    fn a_file_without_the_registered_column_imports_with_the_default_and_a_note() {
        let old_headers = &HEADERS[..Column::Registered.index()];
        let row = good_row();
        let text = format!("{}\n{}\n", old_headers.join(","), row.fields()[..Column::Registered.index()].join(","));
        let import = read_csv(&text);
        assert_eq!(import.rows.len(), 1);
        assert!(!import.rows[0].is_registered());
        assert_eq!(import.warnings.len(), 1);
        assert_eq!(import.warnings[0].column, "是否建档立卡");
        assert!(import.warnings[0].reason.contains("建档立卡贫困人口按“是”、其他按“否”"));
        // With the column, a 低保 patient marked 是 is 建档立卡, and nothing is noted.
        let mut marked = good_row();
        marked.registered = "是".into();
        let import = read_csv(&write_csv(&[marked]));
        assert!(import.warnings.is_empty(), "{:?}", import.warnings);
        assert!(import.rows[0].is_registered());
    }

    #[test]
    fn dates_as_excel_writes_them_are_read_as_year_month_day() {
        for (written, read) in [
            ("2018/3/1", "2018-03-01"),
            ("2018/03/01", "2018-03-01"),
            ("2018-3-1", "2018-03-01"),
            ("2018.12.31", "2018-12-31"),
            ("2018年3月1日", "2018-03-01"),
            (" 2018/3/1 ", "2018-03-01"),
        ] {
            let mut row = good_row();
            row.discharge_date = written.into();
            row.ledger_date = written.into();
            row.completed_date = written.into();
            tidy(&mut row);
            assert_eq!(
                (row.discharge_date.as_str(), row.ledger_date.as_str(), row.completed_date.as_str()),
                (read, read, read),
                "{written}"
            );
            assert_eq!(check_row(&row).0, vec![], "{written}");
        }
        // Other forms are left as they are, and a day that does not exist is still refused.
        for written in [
            "3/1/2018",
            "18/3/1",
            "2018/3",
            "2018/3/1/2",
            "2018/003/1",
            "2018-03/01",
            "2018年3月1",
            "二〇一八年三月一日",
        ] {
            let mut row = good_row();
            row.discharge_date = written.into();
            tidy(&mut row);
            assert_eq!(row.discharge_date, written, "{written}");
            assert!(!check_row(&row).0.is_empty(), "{written} was accepted");
        }
        let mut row = good_row();
        row.discharge_date = "2018/2/30".into();
        tidy(&mut row);
        assert_eq!(row.discharge_date, "2018-02-30");
        assert_eq!(check_row(&row).0.len(), 1);
    }

    #[test]
    fn a_file_resaved_by_excel_with_slashed_dates_imports() {
        let text = "姓名,疾病,出院日期,建立台账时间\n张三,胃癌,2018/3/1,2017/10/1\n";
        let import = read_csv(text);
        assert!(import.errors.is_empty(), "{:?}", import.errors);
        assert_eq!(import.rows[0].discharge_date, "2018-03-01");
        assert_eq!(import.rows[0].ledger_date, "2017-10-01");
    }

    #[test]
    fn the_check_digit_of_made_up_numbers() {
        for (birth, seq) in [("19620315", "123"), ("20100101", "004"), ("19491231", "002"), ("20000229", "771")] {
            let id = valid_id(birth, seq);
            assert_eq!(check_id(&id), Ok(()), "{id}");
            // Every one-digit change in the first 17 is caught.
            for i in 0..17 {
                let mut b = id.clone().into_bytes();
                b[i] = if b[i] == b'9' { b'0' } else { b[i] + 1 };
                let changed = String::from_utf8(b).unwrap();
                assert!(check_id(&changed).is_err(), "{changed}");
            }
            let last = id.chars().last().unwrap();
            let wrong_last = if last == '1' { '2' } else { '1' };
            let wrong = format!("{}{wrong_last}", &id[..17]);
            assert_eq!(check_id(&wrong), Err(IdProblem::CheckDigit { expected: last }));
        }
        assert_eq!(check_id("43061119620315"), Err(IdProblem::Shape));
        assert_eq!(check_id("43061119621315123X"), Err(IdProblem::Birth));
        assert_eq!(
            IdProblem::CheckDigit { expected: 'X' }.to_string(),
            "身份证号最后一位校验码不对（按前 17 位应为 X），请核对是否抄错"
        );
        // A lower-case x is the same as X.
        let with_x = (0..1000).map(|n| valid_id("19800101", &format!("{n:03}"))).find(|id| id.ends_with('X')).unwrap();
        assert_eq!(check_id(&with_x.to_lowercase()), Ok(()));
    }

    #[test]
    fn quoting_bom_and_line_ends() {
        let text = "\u{feff}a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\n";
        let records = read_records(text);
        assert_eq!(
            records,
            vec![
                (1, vec!["a".to_owned(), "b".into(), "c".into()]),
                (2, vec!["x,1".to_owned(), "say \"hi\"".into(), "two\nlines".into()]),
                (5, vec!["last".to_owned(), "".into(), "".into()]),
            ]
        );
        let written = write_records(vec![vec!["x,1", "say \"hi\"", "two\nlines", "plain"]]);
        assert_eq!(written, "\u{feff}\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n");
        // No final line end, and LF only.
        assert_eq!(
            read_records("a,b\nc,d"),
            vec![(1, vec!["a".to_owned(), "b".into()]), (2, vec!["c".to_owned(), "d".into()])]
        );
    }

    #[test]
    fn good_rows_load_and_bad_rows_are_listed_with_row_column_and_reason() {
        let good = good_row();
        let mut wrong_id = good_row();
        wrong_id.name = "李四".into();
        let last = wrong_id.id_number.pop().unwrap();
        wrong_id.id_number.push(if last == '1' { '2' } else { '1' });
        let text = format!(
            "{}\n{}\n{}\n{}\n{}\n{}\n",
            header(),
            good.fields().join(","),
            "2,王五,男,abc,,,,农村低保对象,胃癌,,,,,,,,,,,",
            "3,赵六,女,40,,,,普通人,肺癌,,,,,,,,,,,",
            "4,钱七,男,40",
            wrong_id.fields().join(","),
        );
        let import = read_csv(&text);
        assert_eq!(import.rows, vec![good, wrong_id]);
        assert_eq!(import.row_numbers, vec![2, 6]);
        let errors: Vec<(usize, &str)> = import.errors.iter().map(|e| (e.row, e.column.as_str())).collect();
        assert_eq!(errors, vec![(3, "年龄"), (4, "贫困登记"), (4, "疾病"), (5, "")]);
        assert_eq!(import.errors[0].to_string(), "第 3 行“年龄”：年龄要填 0 到 150 之间的整数（周岁）");
        assert_eq!(import.errors[3].reason, "这一行有 4 列，表头有 20 列（多了或少了逗号？）");
        assert_eq!(import.warnings.len(), 1);
        assert_eq!((import.warnings[0].row, import.warnings[0].column.as_str()), (6, "身份证号"));
        let order: Vec<(usize, bool)> = import.in_file_order().iter().map(|(n, r)| (*n, r.is_ok())).collect();
        assert_eq!(order, vec![(2, true), (3, false), (4, false), (5, false), (6, true)]);
    }

    #[test]
    fn columns_are_found_by_header_and_excel_forms_are_read() {
        let id = valid_id("19620315", "123");
        let text = format!("姓名,疾病,身份证号,说明\n张三,胃癌,=\"{id}\",x\n");
        let import = read_csv(&text);
        assert!(import.errors.is_empty(), "{:?}", import.errors);
        assert_eq!(import.rows[0].id_number, id);
        let noted: Vec<&str> = import.warnings.iter().map(|w| w.column.as_str()).collect();
        assert_eq!(noted, ["是否建档立卡", "说明"], "the missing column, then the unknown one");
        assert_eq!(read_csv("").unreadable.unwrap().reason, "文件是空的");
        assert!(read_csv("a,b\n1,2\n").unreadable.unwrap().reason.starts_with("第一行应是表头"));
    }

    #[test]
    fn id_numbers_are_written_for_excel_as_text_and_read_back_unchanged() {
        let mut with_x = good_row();
        with_x.serial = "2".into();
        with_x.id_number =
            (0..1000).map(|n| valid_id("19800101", &format!("{n:03}"))).find(|id| id.ends_with('X')).unwrap();
        with_x.medical_card = "H001".into();
        let mut leading_zero = good_row();
        leading_zero.serial = "3".into();
        leading_zero.medical_card = "0012".into();
        let mut blank = good_row();
        blank.serial = "4".into();
        blank.id_number.clear();
        blank.medical_card.clear();
        let rows = vec![good_row(), with_x.clone(), leading_zero, blank];
        let file = write_csv(&rows);
        let lines: Vec<&str> = file.split("\r\n").collect();
        let id = good_row().id_number;
        // Digits get a tab before them; an X at the end or a letter already keeps Excel off.
        assert!(lines[1].contains(&format!(",\t{id},\t43061100123,")), "{}", lines[1]);
        assert!(lines[2].contains(&format!(",{},H001,", with_x.id_number)), "{}", lines[2]);
        assert!(lines[3].contains(",\t0012,"), "{}", lines[3]);
        assert!(lines[4].contains("君山区,,,农村低保对象"), "{}", lines[4]);
        // Only those two columns: the amounts stay numbers.
        assert!(lines[1].contains(",50000,45000,"), "{}", lines[1]);
        let import = read_csv(&file);
        assert!(import.errors.is_empty() && import.warnings.is_empty(), "{:?} {:?}", import.errors, import.warnings);
        assert_eq!(import.rows, rows);
        // Read back and written again: the same file.
        assert_eq!(write_csv(&import.rows), file);
    }

    /// The reader as first written, one character at a time: [`read_records`] must read every
    /// text exactly as it does.
    fn read_records_by_char(text: &str) -> Vec<(usize, Vec<String>)> {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let mut records = Vec::new();
        let mut record: Vec<String> = Vec::new();
        let mut field = String::new();
        let (mut quoted, mut line, mut start, mut any) = (false, 1, 1, false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    '\r' if chars.peek() == Some(&'\n') => {}
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' if field.is_empty() => {
                    quoted = true;
                    any = true;
                }
                ',' => {
                    record.push(std::mem::take(&mut field));
                    any = true;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' => {
                    if any || !field.is_empty() {
                        record.push(std::mem::take(&mut field));
                        records.push((start, std::mem::take(&mut record)));
                    }
                    any = false;
                    line += 1;
                    start = line;
                }
                _ => {
                    field.push(c);
                    any = true;
                }
            }
        }
        if any || !field.is_empty() {
            record.push(field);
            records.push((start, record));
        }
        records
    }

    #[test]
    fn completed_needs_a_day() {
        let mut row = good_row();
        row.completed_date.clear();
        assert_eq!(check_row(&row).0, vec![(Column::CompletedDate, "救治状态为“已完成”时要填完成救治日期".to_owned())]);
    }

    #[test]
    fn a_row_is_estimated_like_the_calculator() {
        let policy = Policy::builtin();
        let e = good_row().estimate(&policy).unwrap();
        assert_eq!(e.patient_pays.to_string(), "2846.05");
        let mut t = Totals::default();
        t.add(Some(&e), Decimal::new(50000, 0));
        t.add(None, Decimal::ZERO);
        assert_eq!(
            (t.rows, t.estimated, t.family.to_string(), t.payers.to_string()),
            (2, 1, "2846.05".into(), "47153.95".into())
        );
        let mut missing = good_row();
        missing.total_cost.clear();
        assert_eq!(missing.estimate(&policy).unwrap_err().to_string(), "请填写住院总费用");
    }

    #[test]
    fn attachment_3_counts() {
        let mut rows = Vec::new();
        for (disease, status, day) in [
            ("胃癌", "已完成", "2018-02-01"),
            ("胃癌", "已完成", "2017-12-01"),
            ("胃癌", "未完成", ""),
            ("儿童室间隔缺损", "已完成", "2018-04-02"),
            ("儿童房间隔缺损", "已完成", "2018-03-30"),
        ] {
            rows.push(Row { disease: disease.into(), status: status.into(), completed_date: day.into(), ..good_row() });
        }
        let p = progress(&rows, Date::new(2018, 3, 31).unwrap());
        assert_eq!(p[0], ProgressRow { label: "儿童先天性心脏病", total: 2, treated: 1, this_quarter: 1, open: 1 });
        assert_eq!(p[4], ProgressRow { label: "胃癌", total: 3, treated: 2, this_quarter: 1, open: 1 });
        assert_eq!(
            p.iter().map(|r| r.label).collect::<Vec<_>>(),
            ["儿童先天性心脏病", "儿童白血病", "終末期肾病", "食管癌", "胃癌", "结肠癌", "直肠癌"]
        );
    }

    fn field() -> impl Strategy<Value = String> {
        // Commas, quotes, line breaks, Chinese, and the Excel-looking prefixes only inside.
        "[a-z张三李四,\"\n\r ]{0,8}".prop_map(|s| s.trim().to_owned()).prop_filter("no CR", |s| !s.contains('\r'))
    }

    proptest! {
        #[test]
        fn records_round_trip(records in prop::collection::vec(prop::collection::vec("[a-z张,\"\n ]{0,6}", 2..5), 1..6)) {
            let records: Vec<Vec<String>> = records.into_iter()
                .map(|mut r| { if r.iter().all(String::is_empty) { r[0] = "x".into(); } r })
                .collect();
            let text = write_records(records.iter().map(|r| r.iter().map(String::as_str).collect()));
            let back: Vec<Vec<String>> = read_records(&text).into_iter().map(|(_, r)| r).collect();
            prop_assert_eq!(back, records);
        }

        #[test]
        fn records_are_read_as_one_character_at_a_time(text in "[a-z张\u{feff},\"\r\n\t ]{0,40}") {
            prop_assert_eq!(read_records(&text), read_records_by_char(&text));
        }

        #[test]
        fn the_roster_round_trips(names in prop::collection::vec(field(), 1..8), remarks in prop::collection::vec(field(), 1..8)) {
            let rows: Vec<Row> = names.iter().zip(&remarks).enumerate()
                .map(|(i, (n, r))| Row { serial: (i + 1).to_string(), name: format!("张{n}").trim().to_owned(), remarks: r.clone(), native_place: r.clone(), ..good_row() })
                .collect();
            let import = read_csv(&write_csv(&rows));
            prop_assert!(import.errors.is_empty(), "{:?}", import.errors);
            prop_assert_eq!(import.rows, rows);
        }
    }
}
