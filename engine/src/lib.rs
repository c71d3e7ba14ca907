//! The reimbursement engine.
