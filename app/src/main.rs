//! Starts the site in the browser.

fn main() {
    console_error_panic_hook::set_once();
    app::start();
}
