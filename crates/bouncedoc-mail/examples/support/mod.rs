//! What the profiling examples share: their arguments, the messages they read, and the
//! allocator of the `bouncedoc` binary.

// The same allocator as the `bouncedoc` binary, so that the examples time what it does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `[DIR] [ROUNDS]`: a folder of messages (the corpus's bounces by default) and how many
/// times to go over it.
pub fn args(default_rounds: u32) -> Result<(String, u32), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/maildir/bsd".into());
    let rounds = args.next().map_or(Ok(default_rounds), |r| r.parse())?;
    Ok((dir, rounds))
}

/// The bytes of every file of `dir`.
pub fn files(dir: &str) -> Result<Vec<Vec<u8>>, Box<dyn std::error::Error>> {
    let mut raws = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        raws.push(std::fs::read(entry?.path())?);
    }
    Ok(raws)
}
