//! The loaded policy: its layers, the nine diseases and the named hospitals.

use crate::citation::Source;
use crate::ids::{DiseaseGroup, DiseaseId, Document, HospitalId, HospitalLevel, Region};
use crate::load::{self, LoadError};
use crate::params::{ParamId, ParameterDef, ParameterError, Parameters};
use crate::{data, Date};
use std::sync::{Arc, OnceLock};

/// A policy layer: the province, or a county that inherits the province's parameters and adds
/// or overrides some.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Layer {
    /// Its region.
    pub region: Region,
    /// Its Chinese name.
    pub name: String,
    /// The document it implements.
    pub document: Document,
    /// The first day it applies.
    pub start: Date,
    /// The last day of the policy period (2020-12-31); later days are computed with a warning.
    pub end: Date,
    /// The layer's own target, where its document sets one before `end` (Junshan 二:
    /// "到2018年底前"): later days are computed with a note that the site assumes the layer
    /// goes on to `end`.
    pub target: Option<Date>,
    /// The layer it inherits from.
    pub inherits: Option<Region>,
    pub(crate) params: Vec<Option<ParameterDef>>,
}

impl Layer {
    /// The parameter's definition in this layer (its own or inherited).
    pub fn parameter(&self, id: ParamId) -> Option<&ParameterDef> {
        self.params.get(id.index()).and_then(Option::as_ref)
    }

    /// Every parameter definition of this layer, its own and inherited.
    pub fn definitions(&self) -> impl Iterator<Item = &ParameterDef> + '_ {
        self.params.iter().flatten()
    }
}

/// One of the nine diseases, or "other" (Junshan 二).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Disease {
    /// Its id.
    pub id: DiseaseId,
    /// Its Chinese name.
    pub name: String,
    /// Its group.
    pub group: DiseaseGroup,
    /// The oldest age (in whole years) it is covered at, for the children's diseases (I4).
    pub max_age: Option<u8>,
    /// A plain description for readers.
    pub description: String,
    /// Where the documents name it.
    pub source: Source,
}

impl Disease {
    /// Whether it is one of the nine diseases.
    pub fn is_nine(&self) -> bool {
        self.group != DiseaseGroup::Other
    }

    /// Whether a patient of `age` is covered as having one of the nine diseases.
    ///
    /// ```
    /// use policy::{Policy, DiseaseId};
    /// let p = Policy::builtin();
    /// let vsd = p.disease(DiseaseId::ChildVsd);
    /// assert!(vsd.covers_age(14));
    /// assert!(!vsd.covers_age(15));
    /// assert!(p.disease(DiseaseId::GastricCancer).covers_age(90));
    /// assert!(!p.disease(DiseaseId::Other).covers_age(30));
    /// ```
    pub fn covers_age(&self, age: u8) -> bool {
        self.is_nine() && self.max_age.is_none_or(|m| age <= m)
    }
}

/// A hospital named in the documents (Junshan 四(二)1).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Hospital {
    /// Its id.
    pub id: HospitalId,
    /// Its Chinese name.
    pub name: String,
    /// Its level.
    pub level: HospitalLevel,
    /// The layer it belongs to; it can only be chosen in that region.
    pub region: Region,
    /// Whether it is inside the district (county).
    pub in_district: bool,
    /// What it is designated for, in the document's words.
    pub role: String,
    /// The diseases it is the designated treatment hospital for.
    pub designated_for: Vec<DiseaseId>,
    /// The diseases it treats as designated when the patient was referred up (上转).
    pub designated_when_referred: Vec<DiseaseId>,
    /// Where the documents name it.
    pub source: Source,
}

impl Hospital {
    /// Whether it is the designated hospital for `disease`, given whether the patient was
    /// referred up.
    ///
    /// ```
    /// use policy::{Policy, DiseaseId, HospitalId};
    /// let p = Policy::builtin();
    /// let first = p.hospital(HospitalId::YueyangFirstPeople);
    /// assert!(first.is_designated_for(DiseaseId::ChildAll, false));
    /// assert!(!first.is_designated_for(DiseaseId::GastricCancer, false));
    /// assert!(first.is_designated_for(DiseaseId::GastricCancer, true));
    /// ```
    pub fn is_designated_for(&self, disease: DiseaseId, referred: bool) -> bool {
        self.designated_for.contains(&disease) || (referred && self.designated_when_referred.contains(&disease))
    }
}

struct Inner {
    layers: Vec<Layer>,
    diseases: Vec<Disease>,
    hospitals: Vec<Hospital>,
}

/// The whole policy: layers with their parameters, diseases and hospitals. Cheap to clone.
///
/// ```
/// use policy::{Policy, Region, Date, DiseaseId, HospitalId};
/// let policy = Policy::builtin();
/// assert_eq!(policy.disease(DiseaseId::Esrd).name, "终末期肾病");
/// assert!(policy.hospital(HospitalId::JunshanPeople).in_district);
/// let junshan = policy.layer(Region::Junshan).unwrap();
/// assert_eq!(junshan.start, Date::new(2017, 9, 11).unwrap());
/// ```
#[derive(Clone)]
pub struct Policy(Arc<Inner>);

static BUILTIN: OnceLock<Policy> = OnceLock::new();

impl Policy {
    /// The policy of the data files built into the program (`policy/data/*.json`). Parsed once,
    /// then shared. A test checks that the built-in data loads.
    pub fn builtin() -> Policy {
        BUILTIN
            .get_or_init(|| {
                match Policy::from_json_strs(&[data::HUNAN, data::JUNSHAN], data::DISEASES, data::HOSPITALS) {
                    Ok(p) => p,
                    // The embedded files are fixed at build time and checked by a test.
                    Err(e) => panic!("{e}"),
                }
            })
            .clone()
    }

    /// Loads and checks a policy from JSON texts: the layers (a parent before the layers that
    /// inherit from it), the diseases and the hospitals.
    ///
    /// ```
    /// use policy::{Policy, data};
    /// let p = Policy::from_json_strs(&[data::HUNAN], data::DISEASES, data::HOSPITALS).unwrap();
    /// assert!(p.layer(policy::Region::Junshan).is_none());
    /// ```
    pub fn from_json_strs(layers: &[&str], diseases: &str, hospitals: &str) -> Result<Policy, LoadError> {
        let layers = load::layers(layers)?;
        let diseases = load::diseases(diseases)?;
        let hospitals = load::hospitals(hospitals)?;
        Ok(Policy(Arc::new(Inner { layers, diseases, hospitals })))
    }

    /// The layer of `region`, if loaded.
    pub fn layer(&self, region: Region) -> Option<&Layer> {
        self.0.layers.iter().find(|l| l.region == region)
    }

    /// Every layer, parents first.
    pub fn layers(&self) -> &[Layer] {
        &self.0.layers
    }

    /// Every disease, in the documents' order, `other` last.
    pub fn diseases(&self) -> &[Disease] {
        &self.0.diseases
    }

    /// Every named hospital.
    pub fn hospitals(&self) -> &[Hospital] {
        &self.0.hospitals
    }

    /// The hospital of `region` designated to treat `disease` (定点救治医院, Junshan 四(二)1), if
    /// the region names one: the one place this is looked up.
    ///
    /// ```
    /// use policy::{DiseaseId, HospitalId, Policy, Region};
    /// let p = Policy::builtin();
    /// assert_eq!(p.treating_hospital(Region::Junshan, DiseaseId::ChildVsd).map(|h| h.id), Some(HospitalId::YueyangFirstPeople));
    /// assert_eq!(p.treating_hospital(Region::Junshan, DiseaseId::Esrd).map(|h| h.id), Some(HospitalId::JunshanPeople));
    /// assert!(p.treating_hospital(Region::Junshan, DiseaseId::Other).is_none());
    /// assert!(p.treating_hospital(Region::Hunan, DiseaseId::Esrd).is_none());
    /// ```
    pub fn treating_hospital(&self, region: Region, disease: DiseaseId) -> Option<&Hospital> {
        self.0.hospitals.iter().find(|h| h.region == region && h.designated_for.contains(&disease))
    }

    /// The guidance hospital of `region` (定点指导医院) that takes patients of `disease` referred up.
    ///
    /// ```
    /// use policy::{DiseaseId, HospitalId, Policy, Region};
    /// let p = Policy::builtin();
    /// assert_eq!(p.guidance_hospital(Region::Junshan, DiseaseId::ColonCancer).map(|h| h.id), Some(HospitalId::YueyangFirstPeople));
    /// ```
    pub fn guidance_hospital(&self, region: Region, disease: DiseaseId) -> Option<&Hospital> {
        self.0.hospitals.iter().find(|h| h.region == region && h.designated_when_referred.contains(&disease))
    }

    /// The disease with this id. The loader guarantees each id is present once.
    pub fn disease(&self, id: DiseaseId) -> &Disease {
        // Sorted by id and complete, so the id's position is its index.
        match self.0.diseases.get(id as usize) {
            Some(d) if d.id == id => d,
            _ => self.0.diseases.iter().find(|d| d.id == id).unwrap_or_else(|| unreachable!()),
        }
    }

    /// The named hospital with this id. The loader guarantees each id is present once.
    pub fn hospital(&self, id: HospitalId) -> &Hospital {
        match self.0.hospitals.get(id as usize) {
            Some(h) if h.id == id => h,
            _ => self.0.hospitals.iter().find(|h| h.id == id).unwrap_or_else(|| unreachable!()),
        }
    }

    /// The parameters in force in `region` on `date`: the layer's own and inherited values, each
    /// the latest whose date is not after `date`. A day before the layer's first day is an error.
    ///
    /// ```
    /// use policy::{Policy, Region, Date, ParamId};
    /// let p = Policy::builtin();
    /// let before = p.parameters(Region::Junshan, Date::new(2017, 9, 10).unwrap()).unwrap_err();
    /// assert_eq!(before.to_string(), "君山区的政策从2017年9月11日起执行，这一天之前住院的费用不能按这项政策计算");
    /// let y2019 = p.parameters(Region::Hunan, Date::new(2019, 5, 1).unwrap()).unwrap();
    /// assert_eq!(y2019.value(ParamId::PremiumContribution).to_string(), "220");
    /// ```
    pub fn parameters(&self, region: Region, date: Date) -> Result<Parameters, ParameterError> {
        Parameters::resolve(self, region, date)
    }
}

impl std::fmt::Debug for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Policy")
            .field("layers", &self.0.layers.iter().map(|l| l.region).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}
