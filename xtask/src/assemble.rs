//! Assembles the deployable static folder: content-hashed assets, the public files, and one
//! real HTML file per page so that every path opens directly on any plain static file server.

use std::fs;
use std::path::Path;

/// One page of the site, as the page table (`app/src/routes/pages.rs`) gives it in the `pages.json`
/// the pre-render step writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub title: String,
    pub full_title: String,
    pub description: String,
    /// The file in the built site: `index.html`, `calculator/index.html`, `404.html`.
    pub file: String,
}

/// The page table: every page, then the not-found page.
#[derive(Clone, Debug)]
pub struct Pages {
    pub pages: Vec<Page>,
    pub not_found: Page,
}

impl Pages {
    /// Reads `pages.json` as the pre-render step writes it.
    pub fn parse(json: &str) -> Result<Pages, String> {
        let v: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("pages.json: {e}"))?;
        let page = |p: &serde_json::Value| -> Result<Page, String> {
            let field = |name: &str| {
                p[name].as_str().map(str::to_owned).ok_or_else(|| format!("pages.json: a page without \"{name}\""))
            };
            Ok(Page {
                path: field("path")?,
                title: field("title")?,
                full_title: field("full_title")?,
                description: field("description")?,
                file: field("file")?,
            })
        };
        let pages =
            v["pages"].as_array().ok_or("pages.json: no \"pages\"")?.iter().map(page).collect::<Result<Vec<_>, _>>()?;
        if pages.is_empty() {
            return Err("pages.json lists no page".into());
        }
        Ok(Pages { pages, not_found: page(&v["not_found"])? })
    }

    /// Every page and the not-found page.
    pub fn all(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().chain([&self.not_found])
    }
}

/// A 64-bit FNV-1a digest, in hex: enough to tell two builds of a file apart.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// `name.ext` becomes `name-<hash>.ext`.
fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}.{ext}", content_hash(bytes))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// What every page loads: the hashed files by name, the stylesheet by its text.
pub struct Assets {
    pub js: String,
    pub wasm: String,
    /// The stylesheet's text, put into every page: a page draws without waiting for another
    /// request.
    pub css: String,
    /// The start-up script: loads the wasm and keeps the site for offline use. A file rather
    /// than an inline script, so the Content-Security-Policy allows scripts from the site only.
    pub boot: String,
}

/// The address the site will be served from, without a trailing slash, from `SITE_URL` at
/// build time (e.g. `https://jkfp.example.gov.cn`; the site is served from the root of its host). Link previews (WeChat, search engines)
/// want absolute addresses for the page and its image; without it they are site-relative.
pub fn site_url() -> String {
    std::env::var("SITE_URL").unwrap_or_default().trim_end_matches('/').to_string()
}

/// Fills the HTML template for one page.
pub fn page_html(template: &str, page: &Page, assets: &Assets, body: &str) -> String {
    template
        .replace("{{site_url}}", &escape(&site_url()))
        .replace("{{path}}", &page.path)
        .replace("{{title}}", &escape(&page.full_title))
        .replace("{{heading}}", &escape(&page.title))
        .replace("{{description}}", &escape(&page.description))
        .replace("{{js}}", &assets.js)
        .replace("{{wasm}}", &assets.wasm)
        .replace("{{css}}", &assets.css)
        .replace("{{boot}}", &assets.boot)
        // Last, so that nothing in a page's own text is taken for a placeholder.
        .replace("{{app}}", body)
}

fn copy_dir(from: &Path, to: &Path, skip: &[&str]) -> Result<(), String> {
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        let name = entry.file_name();
        if skip.iter().any(|s| name == *s) {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(&name), skip)?;
        } else {
            write(&to.join(&name), &read(&path)?)?;
        }
    }
    Ok(())
}

/// Writes the whole site into `dist`, replacing what was there.
/// `prerendered` holds each page's pre-rendered body, under the page's own file name.
pub fn assemble(root: &Path, wasm: &Path, js: &Path, prerendered: &Path, dist: &Path) -> Result<(), String> {
    if dist.exists() {
        fs::remove_dir_all(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    }
    let public = root.join("public");
    // The stylesheet gets a hashed name and the service worker its file list, below.
    copy_dir(&public, dist, &["style.css", "sw.js", "boot.js"])?;

    let wasm_bytes = read(wasm)?;
    let js_bytes = read(js)?;
    let css =
        String::from_utf8(read(&public.join("style.css"))?).map_err(|_| "public/style.css is not UTF-8".to_string())?;
    if css.contains("</") {
        return Err("public/style.css contains \"</\", which would end its <style> element".into());
    }
    let wasm_name = format!("pkg/{}", hashed_name("app", "wasm", &wasm_bytes));
    let js_name = format!("pkg/{}", hashed_name("app", "js", &js_bytes));
    let boot =
        String::from_utf8(read(&public.join("boot.js"))?).map_err(|_| "public/boot.js is not UTF-8".to_string())?;
    let boot_bytes = boot_script(&boot, &js_name, &wasm_name).into_bytes();
    let assets =
        Assets { boot: format!("pkg/{}", hashed_name("boot", "js", &boot_bytes)), wasm: wasm_name, js: js_name, css };
    write(&dist.join(&assets.boot), &boot_bytes)?;
    write(&dist.join(&assets.wasm), &wasm_bytes)?;
    write(&dist.join(&assets.js), &js_bytes)?;

    let template =
        String::from_utf8(read(&root.join("index.html"))?).map_err(|_| "index.html is not UTF-8".to_string())?;
    let manifest = read(&prerendered.join("pages.json"))?;
    let pages = Pages::parse(&String::from_utf8_lossy(&manifest))?;
    // Beside the site, for the browser tests to visit every page.
    write(&dist.join("pages.json"), &manifest)?;
    let mut everything = Vec::new();
    for page in pages.all() {
        let file = &page.file;
        let body = String::from_utf8(read(&prerendered.join(file))?)
            .map_err(|_| format!("the pre-rendered {file} is not UTF-8"))?;
        let html = page_html(&template, page, &assets, &body);
        everything.extend_from_slice(html.as_bytes());
        write(&dist.join(file), html.as_bytes())?;
    }

    let worker =
        String::from_utf8(read(&public.join("sw.js"))?).map_err(|_| "public/sw.js is not UTF-8".to_string())?;
    let files = offline_files(&assets, &pages);
    everything.extend_from_slice(files.join("\n").as_bytes());
    let worker = worker.replace("{{version}}", &content_hash(&everything)).replace(
        "{{files}}",
        &format!("[{}]", files.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ")),
    );
    write(&dist.join("sw.js"), worker.as_bytes())
}

/// The start-up script every page loads (`public/boot.js`, which says what it does), with the
/// names of the wasm and its glue filled in.
fn boot_script(template: &str, js: &str, wasm: &str) -> String {
    template.replace("{{js}}", js).replace("{{wasm}}", wasm)
}

/// Everything the service worker keeps for offline use: every page and every file they load.
pub fn offline_files(assets: &Assets, pages: &Pages) -> Vec<String> {
    let pages = pages.pages.iter().map(|p| p.path.clone()).chain(["/404.html".to_string()]);
    let files = [&assets.boot, &assets.js, &assets.wasm].into_iter().map(|f| format!("/{f}"));
    let public = ["/icon.svg", "/icon-192.png", "/icon-512.png", "/manifest.webmanifest"].map(String::from);
    pages.chain(files).chain(public).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page table as the pre-render step writes it.
    fn pages() -> Pages {
        let manifest = serde_json::json!({
            "pages": [
                {"path": "/", "title": "首页", "full_title": "首页 - 站", "description": "这是首页", "nav": "", "file": "index.html"},
                {"path": "/calculator", "title": "计算器", "full_title": "计算器 - 站", "description": "算一算 <要付> 多少", "nav": "算一算", "file": "calculator/index.html"},
            ],
            "not_found": {"path": "/404", "title": "找不到", "full_title": "找不到 - 站", "description": "没有这一页", "nav": "", "file": "404.html"},
        });
        Pages::parse(&manifest.to_string()).unwrap()
    }

    #[test]
    fn the_page_table_is_read_and_a_broken_one_is_refused() {
        let pages = pages();
        assert_eq!(pages.all().count(), 3);
        assert_eq!(pages.not_found.file, "404.html");
        assert!(Pages::parse("{}").is_err());
        assert!(Pages::parse(r#"{"pages": [], "not_found": {}}"#).is_err());
        assert!(Pages::parse(r#"{"pages": [{"path": "/"}], "not_found": {}}"#).unwrap_err().contains("title"));
    }

    #[test]
    fn a_page_carries_its_own_title_and_description() {
        let assets = Assets {
            js: "pkg/app-1.js".into(),
            wasm: "pkg/app-1.wasm".into(),
            css: "body { color: #111 }".into(),
            boot: "pkg/boot-1.js".into(),
        };
        let template = fs::read_to_string(crate::root().join("index.html")).unwrap();
        for page in pages().all() {
            let html = page_html(&template, page, &assets, "<main><h1>x</h1></main>");
            assert!(html.contains(&format!("<title>{}</title>", escape(&page.full_title))));
            assert!(html.contains(&format!("content=\"{}\"", escape(&page.description))));
            assert!(!html.contains("{{"), "a placeholder was left unfilled");
            assert!(
                html.contains("</noscript><main><h1>x</h1></main></body>"),
                "the body is the pre-rendered page, after the line for browsers with scripts off"
            );
            assert!(html.contains("<style>body { color: #111 }</style>"), "the stylesheet is in the page");
        }
    }

    #[test]
    fn the_offline_copy_holds_every_page_and_what_it_loads() {
        let assets = Assets {
            js: "pkg/app-1.js".into(),
            wasm: "pkg/app-1.wasm".into(),
            css: "body { color: #111 }".into(),
            boot: "pkg/boot-1.js".into(),
        };
        let pages = pages();
        let files = offline_files(&assets, &pages);
        for page in &pages.pages {
            assert!(files.contains(&page.path), "{} is not kept", page.path);
        }
        for file in ["/pkg/app-1.wasm", "/pkg/boot-1.js", "/404.html", "/manifest.webmanifest"] {
            assert!(files.iter().any(|f| f == file), "{file} is not kept");
        }
        let template = fs::read_to_string(crate::root().join("public/boot.js")).unwrap();
        let boot = boot_script(&template, "pkg/app-1.js", "pkg/app-1.wasm");
        assert!(boot.contains("'/pkg/app-1.js'"), "the start-up script loads the glue");
        assert!(boot.contains("'/pkg/app-1.wasm'"), "the start-up script names the wasm");
        assert!(boot.contains("/sw.js"));
        assert!(!boot.contains("{{"), "a placeholder was left unfilled");
    }

    #[test]
    fn the_hash_changes_with_the_content() {
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_eq!(content_hash(b"").len(), 16);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b>\"&"), "a&lt;b&gt;&quot;&amp;");
    }
}
