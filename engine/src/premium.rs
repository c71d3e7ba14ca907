//! 两补贴 (Hunan 三(二); Junshan 三): the government pays part of the resident-insurance
//! contribution of poor people (特困 all of it), and up to 90% of the 扶贫特惠保 premium.

use crate::clauses::LIANG_BUTIE;
use crate::error::{ErrorKind, EstimateError, Field};
use crate::money::{check_amount, push_percent, push_yuan, round_fen};
use policy::{Category, Citation, ParamId, Parameters};
use rust_decimal::Decimal;
use std::fmt::Write;

/// The most members of one category a family may have.
const MAX_MEMBERS: u32 = 100;

/// How many members of a family are in each category.
///
/// ```
/// use engine::Family;
/// use policy::Category;
/// let mut f = Family::default();
/// f.set(Category::Dibao, 2);
/// f.set(Category::Ordinary, 1);
/// assert_eq!(f.count(Category::Dibao), 2);
/// assert_eq!(f.total(), 3);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Family {
    /// 农村低保对象
    pub dibao: u32,
    /// 特困人员
    pub tekun: u32,
    /// 建档立卡贫困人口
    pub registered_poor: u32,
    /// 贫困残疾人
    pub disabled_poor: u32,
    /// 普通居民
    pub ordinary: u32,
}

impl Family {
    /// The members in `category`.
    pub fn count(&self, category: Category) -> u32 {
        match category {
            Category::Dibao => self.dibao,
            Category::Tekun => self.tekun,
            Category::RegisteredPoor => self.registered_poor,
            Category::DisabledPoor => self.disabled_poor,
            Category::Ordinary => self.ordinary,
        }
    }

    /// Sets the members in `category`.
    pub fn set(&mut self, category: Category, members: u32) {
        match category {
            Category::Dibao => self.dibao = members,
            Category::Tekun => self.tekun = members,
            Category::RegisteredPoor => self.registered_poor = members,
            Category::DisabledPoor => self.disabled_poor = members,
            Category::Ordinary => self.ordinary = members,
        }
    }

    /// Every member.
    pub fn total(&self) -> u32 {
        Category::ALL.iter().map(|c| self.count(*c)).sum()
    }

    /// Whether anyone in the family is poor.
    pub fn has_poor(&self) -> bool {
        Category::ALL.iter().any(|c| c.is_poor() && self.count(*c) > 0)
    }
}

/// One category's resident-insurance contribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionLine {
    /// The category.
    pub category: Category,
    /// How many members.
    pub members: u32,
    /// The individual contribution per person per year.
    pub contribution: Decimal,
    /// The share the government pays (0 for ordinary residents).
    pub subsidy_rate: Decimal,
    /// What the government pays per person.
    pub government_per_person: Decimal,
    /// What the family pays per person.
    pub family_per_person: Decimal,
    /// What the government pays for these members.
    pub government_total: Decimal,
    /// What the family pays for these members.
    pub family_total: Decimal,
    /// The rule as one plain sentence with the numbers.
    pub rule: String,
    /// The clause (none for ordinary residents, who get no subsidy).
    pub citation: Option<Citation>,
}

/// The 扶贫特惠保 premium of the family's policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TehuiPremium {
    /// The premium entered.
    pub premium: Decimal,
    /// The share the government pays (the parameter, or 0 for a family with no poor member).
    pub subsidy_rate: Decimal,
    /// What the government pays.
    pub government_pays: Decimal,
    /// What the family pays.
    pub family_pays: Decimal,
    /// The rule as one plain sentence with the numbers.
    pub rule: String,
    /// The clause.
    pub citation: Citation,
}

/// What a family pays for a year's insurance, and what the government pays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Premiums {
    /// The year of the contribution standard.
    pub year: u16,
    /// The individual contribution per person for that year.
    pub contribution: Decimal,
    /// One line per category with members, in [`Category::ALL`] order.
    pub lines: Vec<ContributionLine>,
    /// The 扶贫特惠保 premium, when one was entered.
    pub tehui: Option<TehuiPremium>,
    /// Everything the family pays.
    pub family_pays: Decimal,
    /// Everything the government pays.
    pub government_pays: Decimal,
}

/// The premium subsidies (两补贴) for a family, with the contribution of the parameters' year.
/// `tehui_premium` is the family's 扶贫特惠保 premium, if it has one (the product differs by
/// county, so the user enters it).
///
/// ```
/// use engine::{premium_subsidies, Family};
/// use policy::{Date, Policy, Region};
/// use rust_decimal::Decimal;
/// let params = Policy::builtin().parameters(Region::Junshan, Date::new(2018, 1, 1).unwrap()).unwrap();
/// let family = Family { dibao: 2, tekun: 1, ..Family::default() };
/// let p = premium_subsidies(&params, &family, Some(Decimal::new(100, 0))).unwrap();
/// assert_eq!(p.contribution.to_string(), "180");
/// assert_eq!(p.family_pays.to_string(), "190.00"); // 2 × 90 + 0 + 10
/// assert_eq!(p.government_pays.to_string(), "450.00"); // 2 × 90 + 180 + 90
/// ```
pub fn premium_subsidies(
    params: &Parameters,
    family: &Family,
    tehui_premium: Option<Decimal>,
) -> Result<Premiums, EstimateError> {
    if Category::ALL.iter().any(|c| family.count(*c) > MAX_MEMBERS) {
        return Err(EstimateError::new(Field::Members, ErrorKind::TooManyMembers));
    }
    if let Some(premium) = tehui_premium {
        check_amount(Field::TehuiPremium, premium)?;
    }
    let contribution = params.value(ParamId::PremiumContribution);
    let mut lines = Vec::new();
    let mut family_pays = Decimal::ZERO;
    let mut government_pays = Decimal::ZERO;
    for &category in Category::ALL {
        let members = family.count(category);
        if members == 0 {
            continue;
        }
        let subsidy_rate = match category {
            Category::Tekun => params.value(ParamId::PremiumSubsidyTekun),
            Category::Ordinary => Decimal::ZERO,
            _ => params.value(ParamId::PremiumSubsidyPoor),
        };
        let government_per_person = round_fen(contribution * subsidy_rate);
        let family_per_person = contribution - government_per_person;
        let n = Decimal::from(members);
        let (government_total, family_total) = (government_per_person * n, family_per_person * n);
        family_pays += family_total;
        government_pays += government_total;
        let mut rule = String::with_capacity(160);
        let _ = write!(rule, "{}每人每年个人缴费 ", category.name());
        push_yuan(&mut rule, contribution);
        rule.push_str(" 元，");
        if category.is_poor() {
            rule.push_str("财政补贴 ");
            push_percent(&mut rule, subsidy_rate);
            rule.push('（');
            push_yuan(&mut rule, government_per_person);
            rule.push_str(" 元），");
        } else {
            rule.push_str("没有补贴，");
        }
        rule.push_str("自己交 ");
        push_yuan(&mut rule, family_per_person);
        let _ = write!(rule, " 元；{members} 人合计自己交 ");
        push_yuan(&mut rule, family_total);
        rule.push_str(" 元。");
        lines.push(ContributionLine {
            category,
            members,
            contribution,
            subsidy_rate,
            government_per_person,
            family_per_person,
            government_total,
            family_total,
            rule,
            citation: category.is_poor().then_some(LIANG_BUTIE),
        });
    }
    let tehui = tehui_premium.map(|premium| {
        let subsidy_rate = if family.has_poor() { params.value(ParamId::TehuiPremiumSubsidy) } else { Decimal::ZERO };
        let government = round_fen(premium * subsidy_rate);
        let family_part = premium - government;
        let mut rule = String::with_capacity(160);
        rule.push_str("扶贫特惠保保费 ");
        push_yuan(&mut rule, premium);
        if family.has_poor() {
            rule.push_str(" 元，政府补贴 ");
            push_percent(&mut rule, subsidy_rate);
            rule.push_str("（文件写“不超过90%”，这里按最高计算）");
        } else {
            rule.push_str(" 元，家里没有贫困人口，没有补贴");
        }
        rule.push_str("，政府付 ");
        push_yuan(&mut rule, government);
        rule.push_str(" 元，自己交 ");
        push_yuan(&mut rule, family_part);
        rule.push_str(" 元。");
        family_pays += family_part;
        government_pays += government;
        TehuiPremium {
            premium,
            subsidy_rate,
            government_pays: government,
            family_pays: family_part,
            rule,
            citation: LIANG_BUTIE,
        }
    });
    Ok(Premiums {
        year: params.date().year(),
        contribution,
        lines,
        tehui,
        family_pays: round_fen(family_pays),
        government_pays: round_fen(government_pays),
    })
}
