//! Prints how long the knowledge base takes to load, stage by stage.
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let docs = bouncedoc_core::knowledge::schema::parse_all(bouncedoc_core::knowledge::embedded_files()).unwrap();
    println!("parse TOML: {:?}", t.elapsed());
    drop(docs);
    let t = Instant::now();
    let k = bouncedoc_core::Knowledge::load_embedded().unwrap();
    println!("load + index: {:?} ({} rules)", t.elapsed(), k.rules.len());
}
