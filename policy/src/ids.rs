//! The closed vocabularies of the policy: regions, categories of people, diseases, hospitals,
//! documents, interpretations, confidence marks and units. Each has the id used in data files
//! and in the command-line tool's JSON, and a Chinese name for readers.

use serde::Deserialize;
use std::fmt;

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $id:literal, $zh:literal; )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $id)] $variant, )+
        }

        impl $name {
            /// Every value, in the documents' order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The id used in data files and JSON.
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// The Chinese name shown to readers.
            pub const fn name(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }

            /// The value with this id, if any.
            pub fn from_id(id: &str) -> Option<$name> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

vocabulary! {
    /// A policy layer: the province, or a county (district) that adds to it.
    ///
    /// ```
    /// use policy::Region;
    /// assert_eq!(Region::from_id("junshan"), Some(Region::Junshan));
    /// assert_eq!(Region::Junshan.name(), "君山区");
    /// ```
    Region {
        /// 湖南省: the province layer (湘卫财务发〔2017〕2号).
        Hunan = "hunan", "湖南省";
        /// 岳阳市君山区: the district layer (岳君卫发〔2017〕71号).
        Junshan = "junshan", "君山区";
    }
}

vocabulary! {
    /// The patient's category. One per patient is enough for the calculation.
    ///
    /// ```
    /// use policy::Category;
    /// assert!(Category::Tekun.is_poor());
    /// assert!(!Category::Ordinary.is_poor());
    /// assert_eq!(Category::Dibao.name(), "农村低保对象");
    /// ```
    Category {
        /// 农村低保对象 (also when also 建档立卡).
        Dibao = "dibao", "农村低保对象";
        /// 特困人员 (特困供养).
        Tekun = "tekun", "特困人员";
        /// 建档立卡贫困人口, not 低保 or 特困.
        RegisteredPoor = "registered_poor", "建档立卡贫困人口";
        /// 贫困残疾人, not 低保 or 特困.
        DisabledPoor = "disabled_poor", "贫困残疾人";
        /// 非贫困人口: an ordinary resident, for comparison.
        Ordinary = "ordinary", "普通居民（非贫困人口）";
    }
}

impl Category {
    /// Whether the health poverty-alleviation policy covers this category (农村贫困人口).
    pub const fn is_poor(self) -> bool {
        !matches!(self, Category::Ordinary)
    }

    /// Whether a patient of this category is 建档立卡 when nothing else is said
    /// (docs/calculation.md: 建档立卡贫困人口 yes, the others no). 建档立卡 is a yes/no of its own: a
    /// 低保 or 特困 person can be 建档立卡 too.
    ///
    /// ```
    /// use policy::Category;
    /// assert!(Category::RegisteredPoor.registered_by_default());
    /// assert!(!Category::Dibao.registered_by_default());
    /// ```
    pub const fn registered_by_default(self) -> bool {
        matches!(self, Category::RegisteredPoor)
    }

    /// Whether a patient of this category may or may not be 建档立卡, so that the site asks: a
    /// 建档立卡贫困人口 is, an ordinary resident is not, the other three may be either.
    ///
    /// ```
    /// use policy::Category;
    /// assert!(Category::Dibao.asks_registered());
    /// assert!(!Category::RegisteredPoor.asks_registered() && !Category::Ordinary.asks_registered());
    /// ```
    pub const fn asks_registered(self) -> bool {
        matches!(self, Category::Dibao | Category::Tekun | Category::DisabledPoor)
    }
}

vocabulary! {
    /// The disease treated. The nine diseases of Junshan 二, and `Other`.
    DiseaseId {
        /// 食管癌
        EsophagealCancer = "esophageal_cancer", "食管癌";
        /// 胃癌
        GastricCancer = "gastric_cancer", "胃癌";
        /// 结肠癌
        ColonCancer = "colon_cancer", "结肠癌";
        /// 直肠癌
        RectalCancer = "rectal_cancer", "直肠癌";
        /// 终末期肾病
        Esrd = "esrd", "终末期肾病";
        /// 儿童急性淋巴细胞白血病
        ChildAll = "child_all", "儿童急性淋巴细胞白血病";
        /// 儿童急性早幼粒细胞白血病
        ChildApl = "child_apl", "儿童急性早幼粒细胞白血病";
        /// 儿童房间隔缺损
        ChildAsd = "child_asd", "儿童房间隔缺损";
        /// 儿童室间隔缺损
        ChildVsd = "child_vsd", "儿童室间隔缺损";
        /// Any other disease.
        Other = "other", "其他疾病";
    }
}

vocabulary! {
    /// The four groups of Junshan 二 (and `Other`).
    DiseaseGroup {
        /// 消化道肿瘤
        DigestiveCancer = "digestive_cancer", "消化道肿瘤";
        /// 终末期肾病
        Esrd = "esrd", "终末期肾病";
        /// 儿童白血病
        ChildLeukaemia = "child_leukaemia", "儿童白血病";
        /// 儿童先天性心脏病
        ChildHeart = "child_heart", "儿童先天性心脏病";
        /// 不属于九种大病
        Other = "other", "其他疾病";
    }
}

vocabulary! {
    /// A hospital named in the documents (Junshan 四(二)1).
    HospitalId {
        /// 君山区人民医院
        JunshanPeople = "junshan_people", "君山区人民医院";
        /// 岳阳市一人民医院
        YueyangFirstPeople = "yueyang_first_people", "岳阳市一人民医院";
    }
}

vocabulary! {
    /// A hospital's level, which sets the basic-insurance deductible and ratio.
    HospitalLevel {
        /// 乡镇卫生院
        Township = "township", "乡镇卫生院";
        /// 县级医院
        County = "county", "县级医院";
        /// 市级医院
        City = "city", "市级医院";
        /// 省级医院
        Province = "province", "省级医院";
    }
}

vocabulary! {
    /// The two policy documents.
    ///
    /// ```
    /// use policy::Document;
    /// assert_eq!(Document::Hunan.number(), "湘卫财务发〔2017〕2号");
    /// ```
    Document {
        /// 湖南省健康扶贫工程“三个一批”行动计划实施方案
        Hunan = "hunan", "湖南省健康扶贫工程“三个一批”行动计划实施方案";
        /// 君山区农村贫困人口大病专项救治工作方案
        Junshan = "junshan", "君山区农村贫困人口大病专项救治工作方案";
    }
}

impl Document {
    /// The document number (文号).
    pub const fn number(self) -> &'static str {
        match self {
            Document::Hunan => "湘卫财务发〔2017〕2号",
            Document::Junshan => "岳君卫发〔2017〕71号",
        }
    }
}

vocabulary! {
    /// A reading of what the documents leave open (docs/calculation.md, "Interpretations").
    /// The engine implements it; the site says so in words.
    Interpretation {
        /// 大病保险 90% for the poor.
        I1 = "I1", "“大病住院政策范围内报销比例提高到90%以上”理解为贫困人口大病保险按90%报销（石门县2017年即如此执行）";
        /// Hospital reduction covers out-of-policy costs too.
        I2 = "I2", "医院减免理解为也包括政策范围外的自付费用（原文为“实际医疗费用……个人自付部分”）";
        /// 特困 get the 低保 rate of assistance.
        I3 = "I3", "文件只写了低保对象和非低保对象；本站把特困人员按低保对象的70%计算（照字面读，不是低保的特困人员是50%）";
        /// Children are aged 0 to 14.
        I4 = "I4", "“儿童”理解为0至14岁，与国家儿童白血病和先天性心脏病救治项目一致";
        /// The district fund is Junshan's only.
        I5 = "I5", "区级健康扶贫专项资金是君山区文件三规定的；只按湖南省的政策计算时没有这一项";
        /// No −15 points at the disease's designated hospital for a patient of the programme.
        I6 = "I6", "九种大病的救治对象在该病的定点救治医院住院，即使在县（区）外、没有办转诊，也视同已转诊，基本医保不降低报销比例（君山区方案把儿童的两类大病定在区外的岳阳市一人民医院）";
        /// A patient referred up from 君山区人民医院 is at a designated hospital at 岳阳市一人民医院.
        I7 = "I7", "九种大病的病人由君山区人民医院办理上转后到岳阳市一人民医院住院，算作在定点救治医院住院（方案只写它“接受定点救治医院上转患者”）；自己去、没有上转的，本站不算";
        /// “提高 10%” is read as ten percentage points.
        I8 = "I8", "“住院费用城乡居民医保报销比例提高10%”理解为提高10个百分点（例如70%提高到80%），不是提高为原来的1.1倍";
        /// The district fund is paid only at a designated hospital.
        I9 = "I9", "区级健康扶贫专项资金只补助在定点救治医院住院的（君山区方案三没有写医院的条件，本站把它看作定点救治医院一站式结算的一部分）";
        /// 合规 is read as 政策范围内.
        Compliant = "compliant", "“合规自付医药费用”按政策范围内的自付费用计算（文件在医疗救助处写“政策范围内”，在区级专项资金和兜底处写“合规”）";
    }
}

impl Interpretation {
    /// The reading in plain Chinese (same as [`Interpretation::name`]).
    pub const fn text(self) -> &'static str {
        self.name()
    }

    /// How the site labels the reading: "本站的理解（I6）", or "本站的理解" for a reading
    /// docs/calculation.md names without a number.
    ///
    /// ```
    /// use policy::Interpretation;
    /// assert_eq!(Interpretation::I6.label(), "本站的理解（I6）");
    /// assert_eq!(Interpretation::Compliant.label(), "本站的理解");
    /// ```
    pub const fn label(self) -> &'static str {
        match self {
            Interpretation::I1 => "本站的理解（I1）",
            Interpretation::I2 => "本站的理解（I2）",
            Interpretation::I3 => "本站的理解（I3）",
            Interpretation::I4 => "本站的理解（I4）",
            Interpretation::I5 => "本站的理解（I5）",
            Interpretation::I6 => "本站的理解（I6）",
            Interpretation::I7 => "本站的理解（I7）",
            Interpretation::I8 => "本站的理解（I8）",
            Interpretation::I9 => "本站的理解（I9）",
            Interpretation::Compliant => "本站的理解",
        }
    }
}

vocabulary! {
    /// How sure a value is (docs/parameters.md).
    Confidence {
        /// In our documents.
        Doc = "doc", "政策文件原文";
        /// Official or major-newspaper text.
        H = "H", "公开资料（可信度高）";
        /// Two consistent secondary sources.
        M = "M", "公开资料（可信度中）";
        /// One aggregator site.
        L = "L", "公开资料（可信度低）";
        /// An assumption with no source.
        A = "A", "估计值";
    }
}

impl Confidence {
    /// The note the site shows beside a value that is not from the documents, or `None`.
    ///
    /// ```
    /// use policy::Confidence;
    /// assert_eq!(Confidence::Doc.note(), None);
    /// assert_eq!(Confidence::A.note(), Some("估计值，请以当地政策为准"));
    /// ```
    pub const fn note(self) -> Option<&'static str> {
        match self {
            Confidence::Doc => None,
            Confidence::H | Confidence::M | Confidence::L => Some("基线参数，来自公开资料，可调整"),
            Confidence::A => Some("估计值，请以当地政策为准"),
        }
    }
}

vocabulary! {
    /// The unit of a parameter, which also sets its allowed range.
    Unit {
        /// Money, in yuan: 0 to 100,000,000, at most two decimals.
        Yuan = "yuan", "元";
        /// Money per insured person per year, in yuan.
        YuanPerPersonYear = "yuan_per_person_year", "元/人·年";
        /// A ratio or a number of percentage points, 0 to 1, at most four decimals.
        Ratio = "ratio", "比例";
    }
}
