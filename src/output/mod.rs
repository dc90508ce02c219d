//! Output: the only code that writes. It also reads back what an earlier
//! build left in the output folder ([`reuse`]).
//!
//! Every document is rendered in memory before anything is written, and a
//! build's files then replace those in `out/` all together or not at all
//! ([`commit`]). [`write_all`] writes files one by one, each atomically, for
//! `helhed templates export`. A file whose bytes are unchanged is left alone.

pub mod commit;
pub mod preview;
pub mod reuse;

use crate::render::Output;
use std::path::{Path, PathBuf};

/// Writes all outputs into `out_dir`, creating it if needed. Returns the
/// outputs (relative paths) whose files already held exactly these bytes.
pub fn write_all<'a>(
    out_dir: &Path,
    outputs: impl IntoIterator<Item = &'a Output>,
) -> Result<Vec<PathBuf>, (PathBuf, std::io::Error)> {
    let mut unchanged = Vec::new();
    for output in outputs {
        let target = out_dir.join(&output.rel);
        if !write_atomic(&target, &output.bytes).map_err(|e| (target.clone(), e))? {
            unchanged.push(output.rel.clone());
        }
    }
    Ok(unchanged)
}

/// Whether the file was written: `false` when it already held `bytes`.
fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(target).is_ok_and(|old| old == bytes) {
        return Ok(false);
    }
    commit::stage(target, bytes)?.persist(target).map_err(|e| e.error)?;
    Ok(true)
}

/// Writes `bytes` to `target` only if no file is there: `Ok(false)` when
/// one is, and it is left as it is. The file appears whole or not at all
/// (written beside it, then linked into place, which fails if a file came
/// there meanwhile).
pub fn create_new(target: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    if target.symlink_metadata().is_ok() {
        return Ok(false);
    }
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    match commit::stage(target, bytes)?.persist_noclobber(target) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}
