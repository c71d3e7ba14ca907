//! Writing figures as people read them (yuan, 万, 大写) and values in a link's fragment.

pub mod daxie;
pub(crate) mod fragment;
pub mod money;
