//! Turns the two policy documents (plain text in `content/documents/`) into static Rust data at
//! build time with the `documents` crate, which says how.

use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../content/documents");
    println!("cargo:rerun-if-changed=build.rs");
    for (_, _, file) in documents::DOCUMENTS {
        println!("cargo:rerun-if-changed={}", dir.join(file).display());
    }
    let out = documents::generate(&dir).unwrap_or_else(|e| panic!("{e}"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let target = out_dir.join("documents.rs");
    fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
