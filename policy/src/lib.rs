//! The policy as data: parameters with dates and sources, diseases, hospitals.
