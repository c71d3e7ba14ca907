//! Work that waits until the visitor stops typing for a moment: the estimate is redrawn at
//! every key, slower side work (a QR code, the address bar) only when typing pauses.

use std::time::Duration;

use leptos::prelude::*;

/// How long typing must pause before the side work is done.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// One piece of side work waiting for a pause; asking again replaces what was waiting.
#[derive(Clone, Copy)]
pub struct Pause(StoredValue<Option<TimeoutHandle>, LocalStorage>);

impl Default for Pause {
    fn default() -> Self {
        Pause(StoredValue::new_local(None))
    }
}

impl Pause {
    pub fn new() -> Self {
        Self::default()
    }

    /// Drops the work still waiting; true if there was some.
    pub fn cancel(self) -> bool {
        match self.0.try_update_value(Option::take).flatten() {
            Some(handle) => {
                handle.clear();
                true
            }
            None => false,
        }
    }

    /// Does `work` once typing has paused, in a task of its own, instead of what was waiting.
    pub fn then(self, work: impl FnOnce() + 'static) {
        self.cancel();
        let run = move || {
            self.0.set_value(None);
            work();
        };
        self.0.set_value(set_timeout_with_handle(run, TYPING_PAUSE).ok());
    }
}
