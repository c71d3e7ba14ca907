//! The calculator: a family estimates its hospital bill, explained line by line.

pub mod compute;
pub mod state;
