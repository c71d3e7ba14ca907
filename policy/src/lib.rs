//! The policy as data: Hunan's 2017 health poverty-alleviation measures (湘卫财务发〔2017〕2号)
//! and Junshan district's nine-disease programme (岳君卫发〔2017〕71号).
//!
//! Every figure the calculation uses is a parameter in `policy/data/*.json`, with its dated
//! values, its source (a clause of a document, or a public source) and a confidence mark. The
//! Junshan layer inherits the Hunan layer and adds the district fund. Adding a later year's
//! values or another county's layer is a change to the data files.
//!
//! ```
//! use policy::{Policy, Region, Date, ParamId};
//! let policy = Policy::builtin();
//! let params = policy.parameters(Region::Junshan, Date::new(2018, 3, 1).unwrap()).unwrap();
//! assert_eq!(params.value(ParamId::DistrictFundRate).to_string(), "0.70");
//! ```
//!
//! No clock, no I/O: the data files are compiled in, and the date is always passed in.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod assumptions;
mod citation;
mod date;
mod ids;
mod load;
mod params;
mod policy;

pub use assumptions::{assumptions, AssumedFigure, Assumptions};
pub use citation::{Citation, Source};
pub use date::{Date, DateParseError};
pub use ids::{
    Category, Confidence, DiseaseGroup, DiseaseId, Document, HospitalId, HospitalLevel, Interpretation, Region, Unit,
};
pub use load::{LoadError, LoadErrorKind};
pub use params::{DatedValue, ParamId, Parameter, ParameterDef, ParameterError, Parameters, RangeError, MAX_YUAN};
pub use policy::{Disease, Hospital, Layer, Policy};

/// The data files built into the program, as JSON text.
pub mod data {
    /// The province layer.
    pub const HUNAN: &str = include_str!("../data/hunan.json");
    /// The Junshan district layer.
    pub const JUNSHAN: &str = include_str!("../data/junshan.json");
    /// The nine diseases and "other".
    pub const DISEASES: &str = include_str!("../data/diseases.json");
    /// The two named hospitals.
    pub const HOSPITALS: &str = include_str!("../data/hospitals.json");
    /// What the calculator takes for "不知道".
    pub const ASSUMPTIONS: &str = include_str!("../data/assumptions.json");
}
