//! Renders every page of the site to HTML at build time, so that its text is in the HTML file
//! itself: readable before the wasm arrives, with scripts off, by search engines and by link
//! previews. The browser build then takes over the page's interactive parts (`app::widgets::island`).
//!
//! Usage: `prerender <folder>` writes one `<file>.html` per page (the same file names the
//! build tool uses: `index.html`, `calculator/index.html`, `404.html`), each holding what goes
//! inside `<body>`, and `pages.json`, the page table the build tool and the tests read.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <folder>");
        return ExitCode::FAILURE;
    };
    let manifest = Path::new(&out).join("pages.json");
    if let Err(e) =
        std::fs::create_dir_all(&out).and_then(|()| std::fs::write(&manifest, app::routes::pages::manifest_json()))
    {
        eprintln!("prerender: {}: {e}", manifest.display());
        return ExitCode::FAILURE;
    }
    for page in app::routes::pages::PAGES.iter().chain([&app::routes::pages::NOT_FOUND]) {
        let html = app::render_page(page.path);
        let file = Path::new(&out).join(app::routes::pages::page_file(page));
        if let Some(parent) = file.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                eprintln!("prerender: {}: {e}", parent.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&file, html) {
            eprintln!("prerender: {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
