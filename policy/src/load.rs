//! Reading and checking the data files. Everything a file can get wrong is a [`LoadError`]:
//! unknown keys, unknown ids, missing sources, dates out of order, values out of range.

use crate::citation::Source;
use crate::ids::{
    Confidence, DiseaseGroup, DiseaseId, Document, HospitalId, HospitalLevel, Interpretation, Region, Unit,
};
use crate::params::{tiers_ascending, DatedValue, ParamId, ParameterDef};
use crate::policy::{Disease, Hospital, Layer};
use crate::Date;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayer {
    region: Region,
    name: String,
    document: Document,
    inherits: Option<Region>,
    start: String,
    end: String,
    /// The layer's own target date, where its document sets one ("到2018年底前").
    #[serde(default)]
    target: Option<String>,
    /// The clause that sets the target.
    #[serde(default)]
    target_source: Option<String>,
    parameters: Vec<RawParameter>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameter {
    id: String,
    label: String,
    unit: Unit,
    confidence: Confidence,
    source: Option<RawSource>,
    interpretation: Option<Interpretation>,
    note: Option<String>,
    values: Vec<RawDatedValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDatedValue {
    from: String,
    value: String,
    source: Option<RawSource>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    document: Option<Document>,
    clause: Option<String>,
    label: Option<String>,
    public: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisease {
    id: DiseaseId,
    name: String,
    group: DiseaseGroup,
    max_age: Option<u8>,
    description: String,
    source: Option<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHospital {
    id: HospitalId,
    name: String,
    level: HospitalLevel,
    region: Region,
    in_district: bool,
    role: String,
    designated_for: Vec<DiseaseId>,
    designated_when_referred: Vec<DiseaseId>,
    source: Option<RawSource>,
}

/// What is wrong with a data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// Not JSON, a wrong type, a missing key, an unknown key or an unknown id of a closed list.
    Json,
    /// A parameter id the calculation does not know.
    UnknownParameter,
    /// The same parameter twice in one layer.
    DuplicateParameter,
    /// A unit other than the one the parameter needs.
    WrongUnit,
    /// No source, or a document source without its clause.
    MissingSource,
    /// A parameter without values.
    NoValues,
    /// Dates that are not ascending, or a layer that ends before it starts.
    DatesOutOfOrder,
    /// A date that is not `YYYY-MM-DD` or does not exist.
    BadDate,
    /// A value that is not a decimal string, or is out of its unit's range.
    BadValue,
    /// A layer inherits from a layer not loaded before it, or twice the same region.
    BadLayer,
    /// A required parameter has no value on the layer's first day.
    MissingParameter,
    /// The 大病保险 tier limits do not rise.
    TierOrder,
    /// The disease list does not have every disease once, or is inconsistent.
    Diseases,
    /// The hospital list does not have every named hospital once, or is inconsistent.
    Hospitals,
}

/// A data file that cannot be used. `Display` names the file and the item.
///
/// ```
/// use policy::{Policy, LoadErrorKind};
/// let bad = r#"{"region":"hunan","name":"湖南省","document":"hunan","inherits":null,
///   "start":"2017-06-30","end":"2020-12-31","parameters":[],"colour":"red"}"#;
/// let err = Policy::from_json_strs(&[bad], policy::data::DISEASES, policy::data::HOSPITALS).unwrap_err();
/// assert_eq!(err.kind(), LoadErrorKind::Json);
/// assert!(err.to_string().contains("colour"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    file: String,
    item: Option<String>,
    kind: LoadErrorKind,
    detail: String,
}

impl LoadError {
    fn new(file: &str, item: Option<&str>, kind: LoadErrorKind, detail: impl Into<String>) -> LoadError {
        LoadError { file: file.to_owned(), item: item.map(str::to_owned), kind, detail: detail.into() }
    }

    /// What is wrong.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }

    /// The file concerned (a layer's region id, `diseases` or `hospitals`).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The item concerned (a parameter or disease or hospital id), if any.
    pub fn item(&self) -> Option<&str> {
        self.item.as_deref()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "政策数据 {}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, "（{item}）")?;
        }
        write!(f, "有误：{}", self.detail)
    }
}

impl std::error::Error for LoadError {}

fn read_source(file: &str, item: &str, raw: Option<RawSource>) -> Result<Source, LoadError> {
    let missing = |d: &str| LoadError::new(file, Some(item), LoadErrorKind::MissingSource, d.to_owned());
    let raw = raw.ok_or_else(|| missing("缺少出处（source）"))?;
    match (raw.document, raw.public) {
        (Some(document), None) => {
            let clause =
                raw.clause.filter(|c| !c.trim().is_empty()).ok_or_else(|| missing("文件出处缺少条款（clause）"))?;
            if raw.url.is_some() {
                return Err(missing("文件出处不需要网址（url）"));
            }
            Ok(Source::Document { document, clause, label: raw.label })
        }
        (None, Some(text)) if !text.trim().is_empty() => {
            if raw.clause.is_some() || raw.label.is_some() {
                return Err(missing("公开资料出处不能有条款（clause、label）"));
            }
            Ok(Source::Public { text, url: raw.url })
        }
        (Some(_), Some(_)) => Err(missing("出处只能是文件条款或公开资料之一")),
        _ => Err(missing("出处为空")),
    }
}

fn date(file: &str, item: Option<&str>, text: &str) -> Result<Date, LoadError> {
    Date::parse(text)
        .ok_or_else(|| LoadError::new(file, item, LoadErrorKind::BadDate, format!("日期 {text} 不是存在的“年-月-日”")))
}

fn parameter(file: &str, region: Region, raw: RawParameter) -> Result<ParameterDef, LoadError> {
    let item = raw.id.as_str();
    let id = ParamId::from_id(item)
        .ok_or_else(|| LoadError::new(file, Some(item), LoadErrorKind::UnknownParameter, "计算中没有这个参数"))?;
    if raw.unit != id.unit() {
        return Err(LoadError::new(
            file,
            Some(item),
            LoadErrorKind::WrongUnit,
            format!("单位应为 {}，不是 {}", id.unit().id(), raw.unit.id()),
        ));
    }
    if raw.label.trim().is_empty() {
        return Err(LoadError::new(file, Some(item), LoadErrorKind::Json, "缺少中文名称（label）"));
    }
    let source = read_source(file, item, raw.source)?;
    if raw.values.is_empty() {
        return Err(LoadError::new(file, Some(item), LoadErrorKind::NoValues, "没有任何取值（values）"));
    }
    let mut values: Vec<DatedValue> = Vec::with_capacity(raw.values.len());
    for v in raw.values {
        let from = date(file, Some(item), &v.from)?;
        if let Some(prev) = values.last() {
            if prev.from >= from {
                return Err(LoadError::new(
                    file,
                    Some(item),
                    LoadErrorKind::DatesOutOfOrder,
                    format!("取值的日期必须从早到晚：{} 排在 {} 后面", from, prev.from),
                ));
            }
        }
        let bad = |d: String| LoadError::new(file, Some(item), LoadErrorKind::BadValue, d);
        let value = Decimal::from_str(v.value.trim())
            .ok()
            .filter(|_| v.value.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-'))
            .ok_or_else(|| bad(format!("{:?} 不是一个数字", v.value)))?;
        id.unit().check(value).map_err(|p| bad(format!("{from} 的值{p}")))?;
        let vsource = match v.source {
            Some(s) => Some(read_source(file, item, Some(s))?),
            None => None,
        };
        values.push(DatedValue { from, value, source: vsource, confidence: v.confidence });
    }
    Ok(ParameterDef {
        id,
        label: raw.label,
        unit: raw.unit,
        source,
        confidence: raw.confidence,
        interpretation: raw.interpretation,
        note: raw.note,
        values,
        defined_in: region,
    })
}

pub(crate) fn layers(texts: &[&str]) -> Result<Vec<Layer>, LoadError> {
    let mut layers: Vec<Layer> = Vec::with_capacity(texts.len());
    for (n, text) in texts.iter().enumerate() {
        let placeholder = format!("第{}个地区文件", n + 1);
        let raw: RawLayer = serde_json::from_str(text)
            .map_err(|e| LoadError::new(&placeholder, None, LoadErrorKind::Json, e.to_string()))?;
        let file = raw.region.id();
        if layers.iter().any(|l| l.region == raw.region) {
            return Err(LoadError::new(file, None, LoadErrorKind::BadLayer, "同一地区出现了两次"));
        }
        let start = date(file, Some("start"), &raw.start)?;
        let end = date(file, Some("end"), &raw.end)?;
        if end <= start {
            return Err(LoadError::new(file, None, LoadErrorKind::DatesOutOfOrder, "结束日期必须晚于开始日期"));
        }
        let target = raw.target.as_deref().map(|t| date(file, Some("target"), t)).transpose()?;
        if target.is_some_and(|t| t <= start || t > end) {
            return Err(LoadError::new(
                file,
                Some("target"),
                LoadErrorKind::DatesOutOfOrder,
                "目标日期必须在开始和结束日期之间",
            ));
        }
        if target.is_some() != raw.target_source.is_some() {
            return Err(LoadError::new(
                file,
                Some("target_source"),
                LoadErrorKind::BadLayer,
                "目标日期要写明出处（target_source）",
            ));
        }
        let mut defs: Vec<Option<ParameterDef>> = vec![None; ParamId::COUNT];
        if let Some(parent) = raw.inherits {
            let p = layers.iter().find(|l| l.region == parent).ok_or_else(|| {
                LoadError::new(file, None, LoadErrorKind::BadLayer, format!("继承的地区 {} 要先载入", parent.id()))
            })?;
            if start < p.start {
                return Err(LoadError::new(
                    file,
                    None,
                    LoadErrorKind::DatesOutOfOrder,
                    "开始日期不能早于所继承地区的开始日期",
                ));
            }
            defs.clone_from(&p.params);
        }
        let mut own = [false; ParamId::COUNT];
        for rp in raw.parameters {
            let def = parameter(file, raw.region, rp)?;
            let i = def.id.index();
            if own.get(i).copied().unwrap_or(true) {
                return Err(LoadError::new(
                    file,
                    Some(def.id.id()),
                    LoadErrorKind::DuplicateParameter,
                    "同一参数出现了两次",
                ));
            }
            if let (Some(o), Some(d)) = (own.get_mut(i), defs.get_mut(i)) {
                *o = true;
                *d = Some(def);
            }
        }
        for &id in ParamId::ALL {
            match defs.get(id.index()).and_then(Option::as_ref) {
                Some(def) if def.value_on(start).is_none() => {
                    return Err(LoadError::new(
                        file,
                        Some(id.id()),
                        LoadErrorKind::MissingParameter,
                        format!("在本地区开始执行的 {start} 还没有取值"),
                    ));
                }
                Some(_) => {}
                None if id.required() => {
                    return Err(LoadError::new(file, Some(id.id()), LoadErrorKind::MissingParameter, "缺少这个参数"));
                }
                None => {}
            }
        }
        // The tier limits must rise on every day a tier value changes.
        let mut days = vec![start];
        for id in [ParamId::CriticalTier1Upper, ParamId::CriticalTier2Upper, ParamId::CriticalTier3Upper] {
            if let Some(def) = defs.get(id.index()).and_then(Option::as_ref) {
                days.extend(def.values.iter().map(|v| v.from).filter(|d| *d >= start));
            }
        }
        for day in days {
            let on = |id: ParamId| {
                defs.get(id.index()).and_then(Option::as_ref).and_then(|d| d.value_on(day)).map(|v| v.value)
            };
            if !tiers_ascending(on) {
                return Err(LoadError::new(
                    file,
                    Some("critical.tier"),
                    LoadErrorKind::TierOrder,
                    format!("{day} 起大病保险各段上限没有从小到大排列"),
                ));
            }
        }
        layers.push(Layer {
            region: raw.region,
            name: raw.name,
            document: raw.document,
            start,
            end,
            target,
            inherits: raw.inherits,
            params: defs,
        });
    }
    Ok(layers)
}

pub(crate) fn diseases(text: &str) -> Result<Vec<Disease>, LoadError> {
    const FILE: &str = "diseases";
    let raw: Vec<RawDisease> =
        serde_json::from_str(text).map_err(|e| LoadError::new(FILE, None, LoadErrorKind::Json, e.to_string()))?;
    let mut out: Vec<Disease> = Vec::with_capacity(raw.len());
    for d in raw {
        let item = d.id.id();
        let err = |m: &str| LoadError::new(FILE, Some(item), LoadErrorKind::Diseases, m.to_owned());
        if out.iter().any(|o| o.id == d.id) {
            return Err(err("同一疾病出现了两次"));
        }
        if (d.id == DiseaseId::Other) != (d.group == DiseaseGroup::Other) {
            return Err(err("只有“其他疾病”属于 other 组"));
        }
        let child = matches!(d.group, DiseaseGroup::ChildLeukaemia | DiseaseGroup::ChildHeart);
        if child != d.max_age.is_some() {
            return Err(err("儿童病种必须有年龄上限（max_age），其他病种不能有"));
        }
        if d.name.trim().is_empty() || d.description.trim().is_empty() {
            return Err(err("缺少名称或说明"));
        }
        let source = read_source(FILE, item, d.source)?;
        out.push(Disease {
            id: d.id,
            name: d.name,
            group: d.group,
            max_age: d.max_age,
            description: d.description,
            source,
        });
    }
    if let Some(missing) = DiseaseId::ALL.iter().find(|id| !out.iter().any(|d| d.id == **id)) {
        return Err(LoadError::new(FILE, Some(missing.id()), LoadErrorKind::Diseases, "缺少这个疾病"));
    }
    out.sort_by_key(|d| d.id);
    Ok(out)
}

pub(crate) fn hospitals(text: &str) -> Result<Vec<Hospital>, LoadError> {
    const FILE: &str = "hospitals";
    let raw: Vec<RawHospital> =
        serde_json::from_str(text).map_err(|e| LoadError::new(FILE, None, LoadErrorKind::Json, e.to_string()))?;
    let mut out: Vec<Hospital> = Vec::with_capacity(raw.len());
    for h in raw {
        let item = h.id.id();
        let err = |m: &str| LoadError::new(FILE, Some(item), LoadErrorKind::Hospitals, m.to_owned());
        if out.iter().any(|o| o.id == h.id) {
            return Err(err("同一医院出现了两次"));
        }
        if h.designated_for.iter().chain(&h.designated_when_referred).any(|d| *d == DiseaseId::Other) {
            return Err(err("定点救治只针对九种大病，不能写 other"));
        }
        if h.name.trim().is_empty() || h.role.trim().is_empty() {
            return Err(err("缺少名称或职责"));
        }
        let source = read_source(FILE, item, h.source)?;
        out.push(Hospital {
            id: h.id,
            name: h.name,
            level: h.level,
            region: h.region,
            in_district: h.in_district,
            role: h.role,
            designated_for: h.designated_for,
            designated_when_referred: h.designated_when_referred,
            source,
        });
    }
    if let Some(missing) = HospitalId::ALL.iter().find(|id| !out.iter().any(|h| h.id == **id)) {
        return Err(LoadError::new(FILE, Some(missing.id()), LoadErrorKind::Hospitals, "缺少这家医院"));
    }
    out.sort_by_key(|h| h.id);
    Ok(out)
}
