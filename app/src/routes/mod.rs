//! The pages of the site, one module each, the page table ([`pages`]) and the frame around
//! them ([`shell`]). The two calculators with a state of their own, `calculator` and `cadre`,
//! have folders of their own beside this one.

pub(crate) mod diseases;
pub mod documents;
pub(crate) mod home;
pub(crate) mod hospitals;
pub mod pages;
pub mod policy_page;
pub(crate) mod poster;
pub(crate) mod premium;
pub(crate) mod shell;
