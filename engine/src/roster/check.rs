//! What is wrong with a row's values, column by column.

use super::{check_id, hospital_id, hospitals, Column, Row, CATEGORIES, STATUS_DONE, STATUS_OPEN};
use policy::{Category, Date, DiseaseId};

/// Messages about a row's cells: each with the column it is about.
pub type CellMessages = Vec<(Column, String)>;

/// The problems of a row's values: errors that keep it out of the roster, and warnings
/// (a 身份证号 that fails its check) that are shown beside it.
pub fn check_row(row: &Row) -> (CellMessages, CellMessages) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let date_ok = |s: &str| s.is_empty() || Date::parse(s).is_some();
    if row.name.is_empty() {
        errors.push((Column::Name, "请填写姓名".to_owned()));
    }
    if !matches!(row.sex.as_str(), "" | "男" | "女") {
        errors.push((Column::Sex, "性别只能填“男”或“女”".to_owned()));
    }
    if !row.age.is_empty() && crate::parse_age(&row.age).is_err() {
        errors.push((Column::Age, "年龄要填 0 到 150 之间的整数（周岁）".to_owned()));
    }
    if !row.id_number.is_empty() {
        if let Err(p) = check_id(&row.id_number) {
            warnings.push((Column::IdNumber, p.to_string()));
        }
    }
    if !row.category.is_empty() && row.category_id().is_none() {
        errors.push((Column::Category, format!("贫困登记只能填：{}", CATEGORIES.map(Category::name).join("、"))));
    }
    if row.disease.is_empty() {
        errors.push((Column::Disease, "请填写疾病".to_owned()));
    } else if row.disease_id().is_none() {
        let names: Vec<&str> = DiseaseId::ALL.iter().map(|d| d.name()).collect();
        errors.push((Column::Disease, format!("疾病只能填：{}", names.join("、"))));
    }
    if !row.hospital.is_empty() && hospital_id(&row.hospital).is_none() {
        let names: Vec<&str> = hospitals().into_iter().map(|(n, _)| n).collect();
        errors.push((Column::Hospital, format!("医院只能填：{}", names.join("、"))));
    }
    if !matches!(row.referred.as_str(), "" | "是" | "否") {
        errors.push((Column::Referred, "是否转诊只能填“是”或“否”".to_owned()));
    }
    if !matches!(row.registered.as_str(), "" | "是" | "否") {
        errors.push((
            Column::Registered,
            "是否建档立卡只能填“是”或“否”（不填：建档立卡贫困人口按“是”，其他按“否”）".to_owned(),
        ));
    } else if row.registered == "否" && row.category_id() == Some(Category::RegisteredPoor) {
        errors.push((Column::Registered, "贫困登记是建档立卡贫困人口，是否建档立卡不能填“否”".to_owned()));
    }
    for (column, value) in [
        (Column::DischargeDate, &row.discharge_date),
        (Column::LedgerDate, &row.ledger_date),
        (Column::CompletedDate, &row.completed_date),
    ] {
        if !date_ok(value) {
            errors
                .push((column, "日期要写成“年-月-日”，例如 2018-03-01（2018/3/1 也可以），且这一天要存在".to_owned()));
        }
    }
    for (column, value, field) in [
        (Column::TotalCost, &row.total_cost, crate::Field::TotalCost),
        (Column::InPolicyCost, &row.in_policy_cost, crate::Field::InPolicyCost),
    ] {
        if !value.is_empty() {
            if let Err(e) = crate::parse_amount(field, value) {
                errors.push((column, e.to_string()));
            }
        }
    }
    if let (Some(disease), Ok(age)) = (row.disease_id(), crate::parse_age(&row.age)) {
        let limit = policy::Policy::builtin().disease(disease).max_age;
        if let Some(max_age) = limit.filter(|m| age > *m) {
            warnings.push((
                Column::Age,
                format!(
                    "{}按本站的理解（I4：文件只写“儿童”）只救治{max_age}岁及以下的孩子：这一行不列入附件1和附件3，估算按其他疾病；请向区卫生计生局问清楚",
                    disease.name()
                ),
            ));
        }
    }
    match row.status.as_str() {
        "" | STATUS_OPEN => {}
        STATUS_DONE if row.completed_date.is_empty() => {
            errors.push((Column::CompletedDate, "救治状态为“已完成”时要填完成救治日期".to_owned()))
        }
        STATUS_DONE => {}
        _ => errors.push((Column::Status, "救治状态只能填“未完成”或“已完成”".to_owned())),
    }
    (errors, warnings)
}
