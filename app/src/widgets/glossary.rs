//! The words of the policy in plain Chinese, each with a stable anchor on the policy page
//! (`/policy#term-qifuxian`), and [`Term`], which turns a word anywhere on the site into a link
//! to its entry.
//!
//! A term is named by [`TermId`], not by a string, so a link to an entry that does not exist
//! cannot be written. Definitions say only what the two documents say; where the site's
//! calculation uses a figure the documents do not give, the entry lists that parameter and
//! shows its value and how sure it is from the policy data, never a figure typed here.

use leptos::prelude::*;
use policy::{Citation, Confidence, Interpretation, ParamId, Parameters, Unit};

/// The path of the page the glossary is on.
pub const GLOSSARY_PAGE: &str = "/policy";

macro_rules! term_ids {
    ($( $v:ident = $anchor:literal, $word:literal; )+) => {
        /// A word the glossary explains.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TermId {
            $( #[doc = $word] $v, )+
        }

        impl TermId {
            /// Every term.
            pub const ALL: &'static [TermId] = &[$(TermId::$v),+];

            /// The anchor of its entry, `term-<pinyin>`.
            pub const fn anchor(self) -> &'static str {
                match self { $(TermId::$v => $anchor,)+ }
            }

            /// The word, as the documents write it and its entry heads it.
            pub const fn word(self) -> &'static str {
                match self { $(TermId::$v => $word,)+ }
            }
        }
    };
}

term_ids! {
    NongcunPinkun = "term-nongcunpinkun", "农村贫困人口";
    Jiandanglika = "term-jiandanglika", "建档立卡贫困人口";
    Dibao = "term-dibao", "农村低保对象";
    Tekun = "term-tekun", "特困人员";
    Canji = "term-canji", "贫困残疾人";
    JiuzhongDabing = "term-jiuzhongdabing", "九种大病";
    SangeYipi = "term-sangeyipi", "三个一批";
    Linchuanglujing = "term-linchuanglujing", "临床路径";
    Dingdianyiyuan = "term-dingdianyiyuan", "定点医院";
    Zhuanzhen = "term-zhuanzhen", "转诊";
    Zhengcefanwei = "term-zhengcefanwei", "政策范围内费用";
    Qifuxian = "term-qifuxian", "起付线";
    Fengdingxian = "term-fengdingxian", "封顶线";
    Jibenyibao = "term-jibenyibao", "基本医保";
    Dabingbaoxian = "term-dabingbaoxian", "大病保险";
    Tehuibao = "term-tehuibao", "扶贫特惠保";
    Yiliaojiuzhu = "term-yiliaojiuzhu", "医疗救助";
    Jianmian = "term-jianmian", "医院减免";
    Zhuanxiangzijin = "term-zhuanxiangzijin", "区级健康扶贫专项资金";
    Heguizifu = "term-heguizifu", "合规自付";
    Doudi = "term-doudi", "兜底";
    Xianzhenliao = "term-xianzhenliao", "先诊疗后付费";
    Yizhanshi = "term-yizhanshi", "一站式结算";
    Jiankangka = "term-jiankangka", "健康卡";
    Jiatingyisheng = "term-jiatingyisheng", "家庭医生签约服务";
}

impl TermId {
    /// The link to its entry, from any page.
    ///
    /// ```
    /// use app::widgets::glossary::TermId;
    /// assert_eq!(TermId::Qifuxian.href(), "/policy#term-qifuxian");
    /// ```
    pub fn href(self) -> String {
        format!("{GLOSSARY_PAGE}#{}", self.anchor())
    }
}

/// One entry of the glossary.
pub struct Entry {
    pub id: TermId,
    /// Other names the documents use for the same thing.
    pub also: &'static str,
    /// The plain definition.
    pub definition: &'static str,
    /// The clauses it comes from.
    pub sources: &'static [Citation],
    /// The figures of the site's calculation behind the word that the documents do not give.
    pub baselines: &'static [ParamId],
    /// The readings of ours the definition's last sentences apply (docs/calculation.md I1–I9, 合规),
    /// labelled right after them.
    pub readings: &'static [Interpretation],
}

impl Entry {
    /// The word, as the documents write it.
    pub fn word(&self) -> &'static str {
        self.id.word()
    }
}

/// The glossary, in the order a reader meets the words: who, what, where, how it is paid.
pub const GLOSSARY: &[Entry] = &[
    Entry {
        id: TermId::NongcunPinkun,
        also: "贫困人口",
        definition: "健康扶贫政策照顾的对象，文件里指四种人：建档立卡贫困人口、农村低保对象、特困人员、贫困残疾人。君山区的方案把这四种人统称“贫困人口”。",
        sources: &[Citation::hunan("一", ""), Citation::junshan("二", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Jiandanglika,
        also: "建档立卡贫困户",
        definition: "在扶贫部门登记在册、建了档案的农村贫困人口。他们得了九种大病的，在“湖南省健康扶贫动态管理系统”里登记，建立救治台账。",
        sources: &[Citation::hunan("一", ""), Citation::junshan("四(一)1", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Dibao,
        also: "低保、低保户",
        definition: "享受农村最低生活保障、经民政部门核实核准的人。得了九种大病，医疗救助按70%救助（非低保对象是50%）。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("二", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Tekun,
        also: "特困供养人员",
        definition: "经民政部门核实核准的农村特困供养人员。参加城乡居民医保的个人缴费由财政全额补贴，自己不用交。文件的医疗救助只分低保对象（70%）和非低保对象（50%），没有单独写特困人员；本站把特困人员按70%计算，照字面读，不是低保的特困人员是50%。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("二", "")],
        baselines: &[],
        readings: &[Interpretation::I3],
    },
    Entry {
        id: TermId::Canji,
        also: "",
        definition: "经民政部门核实核准的贫困残疾人，也属于农村贫困人口。不是低保对象的，九种大病的医疗救助按50%救助。",
        sources: &[Citation::hunan("一", ""), Citation::junshan("二", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::JiuzhongDabing,
        also: "4类9种疾病、重特大疾病",
        definition: "集中救治的九种病：食管癌、胃癌、结肠癌、直肠癌（消化道肿瘤）；终末期肾病；儿童急性淋巴细胞白血病、儿童急性早幼粒细胞白血病；儿童房间隔缺损、儿童室间隔缺损（先天性心脏病）。君山区专项救治的是经核实核准纳入救治台账、符合9种大病临床路径的贫困病人。文件没有写“儿童”到几岁，本站按0至14岁计算，与国家儿童白血病和先天性心脏病救治项目一致。",
        sources: &[Citation::junshan("二", ""), Citation::junshan("三", ""), Citation::junshan("四(一)", ""), Citation::hunan("二(一)5", "")],
        baselines: &[],
        readings: &[Interpretation::I4],
    },
    Entry {
        id: TermId::SangeYipi,
        also: "",
        definition: "健康扶贫的三项行动：大病集中救治一批、慢病签约服务管理一批、重病兜底保障一批。",
        sources: &[Citation::hunan("二", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Linchuanglujing,
        also: "",
        definition: "国家卫生计生委为一种病规定的一套标准的检查、治疗步骤。定点医院按临床路径和诊疗指南，给每位病人定具体的诊疗方案，优先用医保目录内安全有效、价格合适的药品和技术。君山区的九种大病专项救治，针对的是符合9种大病临床路径的救治对象。",
        sources: &[Citation::hunan("二(一)2", ""), Citation::junshan("四(二)2", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Dingdianyiyuan,
        also: "定点救治医院、定点指导医院",
        definition: "指定救治九种大病的医院。君山区：区人民医院救治食管癌、胃癌、结肠癌、直肠癌和终末期肾病；岳阳市一人民医院救治儿童先天性心脏病和儿童白血病，也是市级定点指导医院——区人民医院治不了或病情危急、疑难时，派专家会诊、指导手术、协助抢救，或接收转上去的病人。九种大病的病人由区人民医院办好上转、到岳阳市一人民医院住院的，本站算作在定点救治医院住院。",
        sources: &[Citation::junshan("四(二)1", ""), Citation::hunan("二(一)1", "")],
        baselines: &[],
        readings: &[Interpretation::I7],
    },
    Entry {
        id: TermId::Zhuanzhen,
        also: "上转、转院",
        definition: "由看病的医院把病人转到上级医院。在君山区，确实需要转到市一人民医院的，要征得病人和家属同意，由科室主任向医院申请登记，填写转诊病情介绍单后才能转院。在县（区）外住院没有办转诊的，基本医保报销比例会降低（降多少见下）；九种大病的救治对象在该病的定点救治医院住院，本站不按这条降低。",
        sources: &[Citation::junshan("四(二)3", ""), Citation::hunan("三(四)", "")],
        baselines: &[ParamId::BasicOutOfCountyPenalty],
        readings: &[Interpretation::I6],
    },
    Entry {
        id: TermId::Zhengcefanwei,
        also: "",
        definition: "住院费用里按医保规定可以报销的部分。基本医保、大病保险和医疗救助都只按这部分计算；医保规定以外的费用叫政策范围外费用，保险和医疗救助都不报。区级专项资金和兜底，文件写的是“合规”费用，本站把“合规”按政策范围内计算。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[Interpretation::Compliant],
    },
    Entry {
        id: TermId::Qifuxian,
        also: "",
        definition: "报销前先要自己负担的数额，超过的部分才开始按比例报销。基本医保的起付线按医院级别不同；大病保险另有起付线，农村贫困人口的大病保险起付线降低50%。",
        sources: &[Citation::hunan("三(二)", "")],
        baselines: &[
            ParamId::BasicDeductibleTownship,
            ParamId::BasicDeductibleCounty,
            ParamId::BasicDeductibleCity,
            ParamId::BasicDeductibleProvince,
            ParamId::CriticalDeductible,
        ],
        readings: &[],
    },
    Entry {
        id: TermId::Fengdingxian,
        also: "",
        definition: "一年里最多报销到的数额，超过的部分不再报销。两份文件都没有写封顶线是多少。",
        sources: &[],
        baselines: &[ParamId::BasicAnnualCap, ParamId::CriticalAnnualCap],
        readings: &[],
    },
    Entry {
        id: TermId::Jibenyibao,
        also: "城乡居民医保、基本医疗保险",
        definition: "城乡居民基本医疗保险的住院报销，最先报。农村贫困人口的住院费用报销比例提高10%（三提高的第一项），本站按提高10个百分点计算。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[ParamId::BasicRateTownship, ParamId::BasicRateCounty, ParamId::BasicRateCity, ParamId::BasicRateProvince],
        readings: &[Interpretation::I8],
    },
    Entry {
        id: TermId::Dabingbaoxian,
        also: "",
        definition: "基本医保报销之后，自己负担的政策范围内费用超过大病保险起付线的，再报一部分。农村贫困人口的起付线降低50%，大病住院政策范围内报销比例提高到90%以上；本站把这个90%理解为贫困人口大病保险的报销比例。",
        sources: &[Citation::hunan("三(二)", ""), Citation::hunan("二(三)1", "")],
        baselines: &[ParamId::CriticalDeductible, ParamId::CriticalTier1Rate, ParamId::CriticalAnnualCap],
        readings: &[Interpretation::I1],
    },
    Entry {
        id: TermId::Tehuibao,
        also: "“扶贫特惠保”家庭综合保障保险",
        definition: "为农村贫困家庭办的一种商业保险，保费由当地政府（君山区是区政府）补贴不超过90%。赔多少按各地保险合同，两份文件没有写。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Yiliaojiuzhu,
        also: "重特大疾病医疗救助、民政医疗救助",
        definition: "民政部门的救助。贫困人口患九种大病住院，经基本医保、大病保险和各类商业保险报销后，政策范围内还要自己负担的部分，低保对象救助70%，非低保对象救助50%。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Jianmian,
        also: "一减免",
        definition: "贫困人口患九种大病，经各类保险和医疗救助支付后，个人自付的部分由定点医院减免50%。文件说的是“实际医疗费用……个人自付部分”，本站理解为政策范围外的自付费用也减一半。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[Interpretation::I2],
    },
    Entry {
        id: TermId::Zhuanxiangzijin,
        also: "",
        definition: "君山区自己的一项补助：经基本医保、大病保险、医疗救助、商业保险和医院减免之后，剩下的合规自付医药费用由区级健康扶贫专项资金补助70%。省里的方案没有这一项。君山区方案没有写要在哪家医院住院才有这项补助，本站只在该病的定点救治医院计算。",
        sources: &[Citation::junshan("三", "")],
        baselines: &[],
        readings: &[Interpretation::I9],
    },
    Entry {
        id: TermId::Heguizifu,
        also: "合规自付医药费用",
        definition: "各项报销、救助和减免之后，还要自己付的合规费用。区级专项资金和兜底针对的就是这部分。文件没有说“合规”是什么范围，本站按政策范围内的费用计算，政策范围外的费用不算在里面。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[Interpretation::Compliant],
    },
    Entry {
        id: TermId::Doudi,
        also: "一兜底、政府兜底保障",
        definition: "各项报销、救助和减免之后，剩下的合规自付医药费用个人支付仍有困难的，由政府兜底保障，减轻或免除个人负担。在君山区，九种大病的专项救治对象要经村、镇、卫生计生、民政、扶贫部门联合审定；其他情况怎么申请，文件没有写。",
        sources: &[Citation::hunan("三(二)", ""), Citation::junshan("三", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Xianzhenliao,
        also: "",
        definition: "参加了城乡居民医保的农村贫困病人，凭相关身份证明在县（区）内的定点医疗机构住院，不用交住院押金，直接住院治疗，出院时再结账。",
        sources: &[Citation::hunan("二(三)3", ""), Citation::junshan("四(三)", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Yizhanshi,
        also: "",
        definition: "定点医院设综合服务窗口，基本医保、大病保险、医疗救助、疾病应急救助、健康扶贫专项补助在出院时一次算清。病人只付报销以后自己负担的部分；结清后，医院及时归还病人交的证件。在君山区，各项保险和救助由经办机构直接和医院结算：城乡居民基本医保按月结清，民政医疗救助按季结清。",
        sources: &[Citation::hunan("二(三)3", ""), Citation::junshan("四(三)", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Jiankangka,
        also: "",
        definition: "发给每位农村贫困人口的一张卡，里面存着健康状况和患病信息；签约医生的随访情况也录入健康卡。",
        sources: &[Citation::hunan("二(二)1", ""), Citation::hunan("二(二)3", "")],
        baselines: &[],
        readings: &[],
    },
    Entry {
        id: TermId::Jiatingyisheng,
        also: "签约医生",
        definition: "乡镇卫生院医生或村医（也可以和县医院医生组成团队）与农村贫困家庭签约：每人一份电子健康档案，每个家庭一名签约的家庭医生。按高危人群和普通慢病患者分类管理，提供公共卫生、慢病管理、健康咨询和中医干预等服务，为常见病、多发病患者提供价廉有效的中医药服务。",
        sources: &[Citation::hunan("二(二)2", "")],
        baselines: &[],
        readings: &[],
    },
];

/// A word as a link to its glossary entry. Without children it shows the entry's word.
///
/// Use it for the first time a term appears in a section, not every time: a paragraph full of
/// links is hard to read.
#[component]
pub fn Term(id: TermId, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let text = match children {
        Some(c) => c().into_any(),
        None => id.word().into_any(),
    };
    view! { <a class="term" href=id.href()>{text}</a> }
}

/// A value of a parameter as the glossary shows it: `500.00 元`, `70%`.
pub fn shown_value(unit: Unit, value: rust_decimal::Decimal) -> String {
    match unit {
        Unit::Ratio => engine::format_percent(value),
        Unit::Yuan => format!("{} 元", engine::format_yuan(value)),
        Unit::YuanPerPersonYear => format!("{} 元/人·年", engine::format_yuan(value)),
    }
}

/// A parameter's value as the site writes it, and how sure it is, from the policy data: `500.00 元`,
/// `70%`, and a change of a ratio in percentage points (`15个百分点`: "15%" would read as a
/// relative cut).
pub fn param_value(params: &Parameters, id: ParamId) -> Option<(String, Confidence)> {
    let entry = params.entry(id)?;
    let value = match id {
        ParamId::BasicOutOfCountyPenalty | ParamId::BasicPoorUplift => {
            format!("{}个百分点", engine::format_percent(entry.value).trim_end_matches('%'))
        }
        _ => shown_value(entry.unit, entry.value),
    };
    Some((value, entry.confidence))
}

/// One figure behind a term, "label：value", and how sure it is — all from the policy data. The
/// page shows the confidence as [`crate::widgets::cite::ConfidenceMark`] beside it.
pub fn baseline_figure(params: &Parameters, id: ParamId) -> Option<(String, Confidence)> {
    let entry = params.entry(id)?;
    let (value, confidence) = param_value(params, id)?;
    Some((format!("{}：{}", entry.label, value), confidence))
}

/// One figure behind a term as one line of text: its label, value and, when it is not from the
/// documents, where it comes from. The list is headed "文件没有写，本站计算时用的数（可在计算器里修改）",
/// so each line says only where its figure comes from.
pub fn baseline_text(params: &Parameters, id: ParamId) -> Option<String> {
    let (mut text, confidence) = baseline_figure(params, id)?;
    if confidence != Confidence::Doc {
        text.push_str(&format!("（{}）", engine::confidence_mark(confidence)));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::documents::clause_href;
    use policy::{Date, Policy, Region};
    use std::collections::HashSet;

    #[test]
    fn every_term_has_exactly_one_entry_and_every_anchor_is_unique() {
        let mut anchors = HashSet::new();
        for id in TermId::ALL {
            assert_eq!(GLOSSARY.iter().filter(|e| e.id == *id).count(), 1, "{id:?}");
            assert!(anchors.insert(id.anchor()), "{} twice", id.anchor());
            let rest = id.anchor().strip_prefix("term-").expect("anchors start with term-");
            assert!(!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase()), "{}", id.anchor());
        }
        assert_eq!(GLOSSARY.len(), TermId::ALL.len());
        let words: HashSet<&str> = GLOSSARY.iter().map(|e| e.word()).collect();
        assert_eq!(words.len(), GLOSSARY.len(), "a word is explained twice");
    }

    #[test]
    fn the_terms_families_meet_are_explained() {
        for word in [
            "起付线",
            "封顶线",
            "政策范围内费用",
            "合规自付",
            "建档立卡贫困人口",
            "农村低保对象",
            "特困人员",
            "一站式结算",
            "先诊疗后付费",
            "转诊",
            "兜底",
            "大病保险",
            "医疗救助",
            "定点医院",
            "扶贫特惠保",
        ] {
            assert!(GLOSSARY.iter().any(|e| e.word() == word), "{word}");
        }
        assert_eq!(TermId::Qifuxian.href(), "/policy#term-qifuxian");
        assert_eq!(TermId::Qifuxian.word(), "起付线");
    }

    #[test]
    fn every_source_is_a_clause_of_the_documents() {
        for e in GLOSSARY {
            for c in e.sources {
                assert!(clause_href(c.document.id(), c.clause).is_some(), "{}: {}", e.word(), c.clause);
            }
            assert!(!e.definition.is_empty());
            assert!(e.sources.len() + e.baselines.len() > 0, "{} has no source", e.word());
        }
    }

    #[test]
    fn every_reading_of_ours_is_named() {
        // A definition that says what the site does ("本站按…", "本站把…") names the reading;
        // one that names a reading says it in words.
        for e in GLOSSARY {
            assert_eq!(e.definition.contains("本站"), !e.readings.is_empty(), "{}", e.word());
        }
        let readings = |id: TermId| GLOSSARY.iter().find(|e| e.id == id).map(|e| e.readings);
        assert_eq!(readings(TermId::Tekun), Some(&[Interpretation::I3][..]));
        assert_eq!(readings(TermId::Zhengcefanwei), Some(&[Interpretation::Compliant][..]));
        assert_eq!(readings(TermId::Zhuanxiangzijin), Some(&[Interpretation::I9][..]));
        // 合规 is not given as another name of 政策范围内: that is the site's reading.
        assert!(GLOSSARY.iter().all(|e| !e.also.contains("合规费用")));
        let tekun = GLOSSARY.iter().find(|e| e.id == TermId::Tekun).map(|e| e.definition).unwrap_or("");
        assert!(tekun.contains("照字面读") && tekun.contains("50%"), "{tekun}");
    }

    #[test]
    fn baselines_come_from_the_data_with_their_confidence() {
        let params =
            Policy::builtin().parameters(Region::Junshan, Date::new(2018, 3, 1).expect("a day")).expect("params");
        for e in GLOSSARY {
            for id in e.baselines {
                assert!(baseline_text(&params, *id).is_some(), "{}: {id}", e.word());
            }
        }
        assert_eq!(
            baseline_text(&params, ParamId::BasicDeductibleCounty).as_deref(),
            Some("基本医保住院起付线（县级医院）：500.00 元（公开资料，可信度中）")
        );
        assert_eq!(
            baseline_text(&params, ParamId::CriticalDeductible).as_deref(),
            Some("大病保险起付线（普通居民）：15,000.00 元（估计值，请以当地政策为准）")
        );
        // The page writes the figure and puts the mark beside it as an element of its own.
        assert_eq!(
            baseline_figure(&params, ParamId::BasicOutOfCountyPenalty),
            Some(("县外住院未办转诊时报销比例降低：15个百分点".to_owned(), Confidence::L))
        );
        assert_eq!(param_value(&params, ParamId::BasicAnnualCap), Some(("150,000.00 元".to_owned(), Confidence::M)));
        assert_eq!(param_value(&params, ParamId::CriticalDeductible), Some(("15,000.00 元".to_owned(), Confidence::A)));
    }
}
