//! A build's files replace those in the output folder all together or not at
//! all.
//!
//! 1. One build at a time: an advisory lock on `.helhed-lås` in the folder
//!    (released by the system when a build ends, also when it is killed).
//! 2. Temporary files an interrupted build left (`.helhed-*.tmp`) are removed.
//! 3. Every changed file is written in full to a temporary file beside its
//!    target and flushed to disk. If one cannot be written (no space, no
//!    permission, a name too long), the temporary files are removed and the
//!    folder is as it was.
//! 4. Then each target is moved aside and its new file renamed into place,
//!    and files the build no longer makes are moved aside too. If a rename
//!    fails, everything done is moved back. Only when all are in place are
//!    the old files removed.

use crate::render::Output;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The lock file in the output folder.
pub const LOCK: &str = ".helhed-lås";

/// Said of the output folder when a failed build could not put it back.
pub const NOT_RESTORED: &str = "mappen kunne ikke sættes helt tilbage";

/// What went wrong, and whether the output folder is as it was.
#[derive(Debug)]
pub struct Failure {
    /// The file it went wrong at.
    pub path: PathBuf,
    /// Why.
    pub error: io::Error,
    /// Whether every file is as it was before the build (else the folder
    /// could not be put back, and `path` names where that failed).
    pub untouched: bool,
}

impl Failure {
    fn at(path: &Path, error: io::Error) -> Failure {
        Failure { path: path.to_path_buf(), error, untouched: true }
    }
}

/// The longest file name most file systems take, in bytes.
const MAX_NAME: usize = 255;

/// Writes `outputs` into `out_dir` and removes `removed` (paths relative to
/// it), all or nothing. Returns the outputs whose files already held exactly
/// these bytes (they are not written).
pub fn commit<'a>(
    out_dir: &Path,
    outputs: impl IntoIterator<Item = &'a Output>,
    removed: &[PathBuf],
) -> Result<Vec<PathBuf>, Failure> {
    let mut staging = Staging::open(out_dir)?;
    for output in outputs {
        staging.put(output)?;
    }
    staging.commit(removed)
}

/// A build's files on their way into the output folder: each is written in
/// full beside its target as soon as it is done ([`Staging::put`]), so the
/// build need not keep it in memory, and all are put in place together by
/// [`Staging::commit`]. Dropped without a commit, every staged file is
/// removed and the folder is as it was.
#[derive(Debug)]
pub struct Staging {
    out_dir: PathBuf,
    /// Held until the commit: one build at a time.
    lock: Option<File>,
    /// Each target with its staged file (closed; removed when dropped).
    staged: Vec<(PathBuf, tempfile::TempPath)>,
    /// The outputs whose files already held their bytes.
    unchanged: Vec<PathBuf>,
    /// What the staging made that was not there (the folder, its lock file,
    /// folders for the files), oldest first: removed again unless committed.
    made: Vec<PathBuf>,
}

impl Drop for Staging {
    /// Without a commit: the staged files go, then whatever was made for
    /// them, so the folder is as it was.
    fn drop(&mut self) {
        let staged: Vec<PathBuf> = self.staged.drain(..).map(|(_, temp)| temp.to_path_buf()).collect();
        crate::render::guard::no_longer_made(&staged);
        drop(self.lock.take());
        for path in self.made.iter().rev() {
            let _ = if path.is_dir() { std::fs::remove_dir(path) } else { std::fs::remove_file(path) };
        }
        crate::render::guard::no_longer_made(&self.made);
    }
}

impl Staging {
    /// Takes the output folder's lock (creating the folder) and removes the
    /// temporary files an interrupted build left.
    pub fn open(out_dir: &Path) -> Result<Staging, Failure> {
        let mut made = missing_folders(out_dir);
        std::fs::create_dir_all(out_dir).map_err(|e| Failure::at(out_dir, e))?;
        let lock_path = out_dir.join(LOCK);
        if std::fs::symlink_metadata(&lock_path).is_err() {
            made.push(lock_path.clone());
        }
        made.iter().for_each(|p| crate::render::guard::made_by_build(p));
        let lock = File::create(&lock_path).map_err(|e| Failure::at(&lock_path, e))?;
        if let Err(e) = lock.try_lock() {
            let error = match e {
                std::fs::TryLockError::WouldBlock => io::Error::other(
                    "en anden bygning skriver i samme mappe lige nu; vent til den er færdig, og byg så igen",
                ),
                std::fs::TryLockError::Error(e) => e,
            };
            return Err(Failure::at(&lock_path, error));
        }
        remove_stale_temporaries(out_dir);
        Ok(Staging {
            out_dir: out_dir.to_path_buf(),
            lock: Some(lock),
            staged: Vec::new(),
            unchanged: Vec::new(),
            made,
        })
    }

    /// Writes `output` in full beside its target, unless the target already
    /// holds exactly its bytes.
    pub fn put(&mut self, output: &Output) -> Result<(), Failure> {
        let target = self.out_dir.join(&output.rel);
        if std::fs::read(&target).is_ok_and(|old| old == output.bytes) {
            self.unchanged.push(output.rel.clone());
            return Ok(());
        }
        if let Some(dir) = target.parent() {
            let folders = missing_folders(dir);
            folders.iter().for_each(|p| crate::render::guard::made_by_build(p));
            self.made.extend(folders);
        }
        // Closed at once (a build may stage thousands of files); the path
        // still removes the file when dropped.
        let temp = stage(&target, &output.bytes).map_err(|e| Failure::at(&target, e))?.into_temp_path();
        crate::render::guard::made_by_build(&temp);
        self.staged.push((target, temp));
        Ok(())
    }

    /// Puts every staged file in place and removes `removed` (paths
    /// relative to the folder), all or nothing. Returns the outputs whose
    /// files already held their bytes (they were not written).
    pub fn commit(mut self, removed: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
        let out_dir = self.out_dir.clone();
        let mut staged = std::mem::take(&mut self.staged);
        let unchanged = std::mem::take(&mut self.unchanged);
        let temps: Vec<PathBuf> = staged.iter().map(|(_, temp)| temp.to_path_buf()).collect();
        // Swap: old files aside, new ones in; undone if any step fails.
        let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        let mut swap = || -> Result<(), Failure> {
            for (target, temp) in staged.drain(..) {
                let aside = move_aside(&target).map_err(|e| Failure::at(&target, e))?;
                done.push((target.clone(), aside));
                temp.persist(&target).map_err(|e| Failure::at(&target, e.error))?;
            }
            for rel in removed {
                let target = out_dir.join(rel);
                let aside = move_aside(&target).map_err(|e| Failure::at(&target, e))?;
                if aside.is_some() {
                    done.push((target, aside));
                }
            }
            Ok(())
        };
        if let Err(mut failure) = swap() {
            for (target, aside) in done.into_iter().rev() {
                let undone = match &aside {
                    Some(aside) => std::fs::rename(aside, &target),
                    None => std::fs::remove_file(&target),
                };
                if let Err(e) = undone {
                    failure = Failure { path: target, error: e, untouched: false };
                }
            }
            return Err(failure);
        }
        for aside in done.into_iter().filter_map(|(_, aside)| aside) {
            // Left behind only if the system refuses; the next build removes it.
            let _ = std::fs::remove_file(aside);
        }
        // In place now: nothing of it is to be removed.
        crate::render::guard::no_longer_made(&temps);
        crate::render::guard::no_longer_made(&std::mem::take(&mut self.made));
        Ok(unchanged)
    }
}

/// `dir` and those of its ancestors that do not exist, outermost first.
fn missing_folders(dir: &Path) -> Vec<PathBuf> {
    let mut missing: Vec<PathBuf> =
        dir.ancestors().take_while(|a| !a.as_os_str().is_empty() && !a.exists()).map(Path::to_path_buf).collect();
    missing.reverse();
    missing
}

/// Writes `bytes` to a new temporary file in `target`'s folder (created if
/// need be), flushed to disk.
pub(super) fn stage(target: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = target.parent().unwrap_or(Path::new("."));
    if target.file_name().is_some_and(|n| n.len() > MAX_NAME) {
        return Err(io::Error::other(format!("filnavnet er over {MAX_NAME} bytes, mere end filsystemet tager")));
    }
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".helhed-").suffix(".tmp");
    // Reports are meant to be read and shared: not the temp file's private 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Renames `target`, if it exists, to a temporary name beside it and returns that name.
fn move_aside(target: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        return Ok(None);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let aside = tempfile::Builder::new().prefix(".helhed-").suffix(".tmp").tempfile_in(dir)?.into_temp_path();
    let path = aside.to_path_buf();
    // Keep the name; the rename below replaces the empty placeholder.
    aside.keep().map_err(|e| e.error)?;
    std::fs::rename(target, &path)?;
    Ok(Some(path))
}

/// Removes what an interrupted build left: `.helhed-*.tmp` files anywhere
/// in the folders a build writes (the output folder, its `site/`, and with
/// several plans each plan's folder and site). Nothing else is touched.
fn remove_stale_temporaries(out_dir: &Path) {
    // A build writes at most three folders deep (`site/<plan>/…`).
    for entry in walkdir::WalkDir::new(out_dir).max_depth(3).into_iter().flatten() {
        let name = entry.file_name().to_string_lossy();
        if name.starts_with(".helhed-") && name.ends_with(".tmp") && entry.file_type().is_file() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
