//! A small static file server for the built site, on 127.0.0.1 only.
//!
//! It behaves like a plain static host: `/a` serves `a/index.html`, files are served as they
//! are, and anything else gets `404.html` with status 404. Hashed assets may be cached forever.
//! Given brotli-compressed copies of the files (the benchmark does), it sends those to clients
//! that accept brotli, as a production host would.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

/// Brotli-compressed bodies, by file path in the site folder.
pub type Brotli = HashMap<PathBuf, Vec<u8>>;

/// A server running in the background.
pub struct Server {
    pub port: u16,
}

/// Binds 127.0.0.1:`port` (0 = any free port) and serves `dist` from a background thread.
pub fn start(dist: &Path, port: u16) -> Result<Server, String> {
    start_with_brotli(dist, port, Brotli::new())
}

/// Like [`start`], and sends `brotli`'s body for a file to clients that accept brotli.
pub fn start_with_brotli(dist: &Path, port: u16, brotli: Brotli) -> Result<Server, String> {
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = dist.to_path_buf();
    let brotli = Arc::new(brotli);
    thread::spawn(move || accept(listener, dist, brotli));
    Ok(Server { port })
}

/// Serves until the process is stopped.
pub fn serve_forever(dist: &Path, port: u16) -> Result<(), String> {
    let server = start(dist, port)?;
    println!();
    println!("  The site is served at http://127.0.0.1:{}/", server.port);
    println!("  (press Ctrl+C to stop)");
    println!();
    loop {
        thread::park();
    }
}

fn accept(listener: TcpListener, dist: PathBuf, brotli: Arc<Brotli>) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        let brotli = Arc::clone(&brotli);
        thread::spawn(move || {
            let _ = respond(stream, &dist, &brotli);
        });
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// The file a request path names, if it stays inside `dist`.
pub fn resolve(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let candidate = dist.join(relative);
    if candidate.is_file() {
        return Some(candidate);
    }
    let index = candidate.join("index.html");
    index.is_file().then_some(index)
}

/// Whether a request header line says the client accepts brotli.
fn accepts_brotli(header: &str) -> bool {
    let Some((name, value)) = header.split_once(':') else { return false };
    name.trim().eq_ignore_ascii_case("accept-encoding")
        && value.split(',').any(|coding| coding.split(';').next().is_some_and(|c| c.trim() == "br"))
}

fn respond(stream: TcpStream, dist: &Path, brotli: &Brotli) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers to their end so the client is not reset while still sending.
    let mut line = String::new();
    let mut wants_brotli = false;
    while reader.read_line(&mut line)? > 2 {
        wants_brotli |= accepts_brotli(&line);
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let (status, file) = match resolve(dist, target) {
        Some(file) => ("200 OK", file),
        None => ("404 Not Found", dist.join("404.html")),
    };
    let compressed = brotli.get(&file).filter(|_| wants_brotli);
    let body = match compressed {
        Some(bytes) => bytes.clone(),
        None => std::fs::read(&file).unwrap_or_default(),
    };
    let encoding = if compressed.is_some() { "Content-Encoding: br\r\n" } else { "" };
    let vary = if brotli.contains_key(&file) { "Vary: Accept-Encoding\r\n" } else { "" };
    let immutable = file.components().any(|c| c.as_os_str() == "pkg");
    let cache = if immutable { "public, max-age=31536000, immutable" } else { "no-cache" };
    let mut out = stream;
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}{vary}Cache-Control: {cache}\r\nConnection: close\r\n\r\n",
        content_type(&file),
        body.len()
    )?;
    if method != "HEAD" {
        out.write_all(&body)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused() {
        let dist = std::env::temp_dir();
        assert_eq!(resolve(&dist, "/../etc/passwd"), None);
        assert_eq!(resolve(&dist, "/a/../../b"), None);
    }

    #[test]
    fn brotli_is_sent_only_to_who_accepts_it() {
        assert!(accepts_brotli("Accept-Encoding: gzip, deflate, br, zstd\r\n"));
        assert!(accepts_brotli("accept-encoding: br;q=1.0\r\n"));
        assert!(!accepts_brotli("Accept-Encoding: gzip, brotli\r\n"));
        assert!(!accepts_brotli("Accept: br\r\n"));
    }

    #[test]
    fn wasm_is_served_as_wasm() {
        assert_eq!(content_type(Path::new("pkg/app-1.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("index.html")), "text/html; charset=utf-8");
    }
}
