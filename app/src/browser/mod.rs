//! What only the browser has: the device's clock, and work that waits for typing to pause.
//! Call these from effects and event handlers, not from component bodies.

pub(crate) mod clock;
pub(crate) mod pause;
