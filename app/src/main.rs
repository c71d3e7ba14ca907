//! Starts the site in the browser: takes over the page's pre-rendered HTML.

fn main() {
    #[cfg(feature = "hydrate")]
    {
        console_error_panic_hook::set_once();
        app::start();
    }
}
