//! Limits on running a template: time and memory.
//!
//! A template is a program. Typst has no step limit and cannot be stopped
//! from outside once it runs, so a template with a loop of 10^12 steps, or
//! one that makes content without end, would hold the build forever or fill
//! the machine's memory. While a template runs it holds a [`Guard`]; one
//! watchdog thread per process looks at the guards and at the process's
//! resident memory every 50 ms. When a template has run longer than the time
//! limit, or the process has grown beyond the memory limit while a template
//! runs, the watchdog prints a Danish error naming the template and ends the
//! process with exit code 1.
//!
//! Ending the process is the only way to stop Typst. It is safe here: the
//! output folder is only written after every document has rendered (see
//! [`crate::output::commit`]), so nothing in it has been touched yet.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex, Once};
use std::time::{Duration, Instant};

/// The limits, set once by the command (`--tidsgrænse`, `--hukommelse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest one template may run, in seconds.
    pub seconds: u64,
    /// The most memory the process may hold while a template runs, in MB.
    pub megabytes: u64,
}

impl Limits {
    /// The default: far above what the example plan needs (about a second
    /// and 200 MB for both documents), far below what hangs a machine.
    pub const DEFAULT: Limits = Limits { seconds: 120, megabytes: 3072 };
}

static SECONDS: AtomicU64 = AtomicU64::new(Limits::DEFAULT.seconds);
static MEGABYTES: AtomicU64 = AtomicU64::new(Limits::DEFAULT.megabytes);

/// Sets the limits for every template run from now on.
pub fn set_limits(limits: Limits) {
    SECONDS.store(limits.seconds.max(1), Ordering::Relaxed);
    MEGABYTES.store(limits.megabytes.max(1), Ordering::Relaxed);
}

/// The templates running now: their file and when they started.
static RUNNING: LazyLock<Mutex<Vec<(u64, PathBuf, Instant)>>> = LazyLock::new(|| Mutex::new(Vec::new()));
static NEXT: AtomicU64 = AtomicU64::new(0);
static WATCHDOG: Once = Once::new();

/// Held while a template runs; dropping it ends the watch.
#[derive(Debug)]
pub struct Guard(u64);

impl Guard {
    /// Starts watching the template whose file is `template`.
    pub fn start(template: &Path) -> Guard {
        WATCHDOG.call_once(|| {
            std::thread::Builder::new().name("helhed-vagt".into()).spawn(watch).expect("the watchdog thread starts");
        });
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        lock().push((id, template.to_path_buf(), Instant::now()));
        Guard(id)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        lock().retain(|(id, ..)| *id != self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<(u64, PathBuf, Instant)>> {
    // A panic while holding the list leaves it usable.
    RUNNING.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn watch() {
    loop {
        std::thread::sleep(Duration::from_millis(50));
        let seconds = SECONDS.load(Ordering::Relaxed);
        let megabytes = MEGABYTES.load(Ordering::Relaxed);
        let running = lock().clone();
        if running.is_empty() {
            continue;
        }
        if let Some((_, file, _)) = running.iter().find(|(_, _, start)| start.elapsed() > Duration::from_secs(seconds))
        {
            stop(file, &format!("kørte i mere end {seconds} sekunder (grænsen kan sættes med --tidsgrænse)"));
        }
        if resident_megabytes().is_some_and(|mb| mb > megabytes) {
            let files: Vec<String> = running.iter().map(|(_, f, _)| f.display().to_string()).collect();
            let file = PathBuf::from(files.join(", "));
            stop(
                &file,
                &format!(
                    "brugte mere end {} MB hukommelse (grænsen kan sættes med --hukommelse)",
                    crate::model::text::format_da(megabytes.into(), 0)
                ),
            );
        }
    }
}

/// Files and folders a build has made in the output folder so far (staged
/// files and the folders made for them), which a stop removes, newest first,
/// so that the folder is as it was.
static MADE: LazyLock<Mutex<Vec<PathBuf>>> = LazyLock::new(|| Mutex::new(Vec::new()));

fn made() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    MADE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Says that a build has made `path` (a file, or a folder that was not
/// there): a stop removes it.
pub fn made_by_build(path: &Path) {
    made().push(path.to_path_buf());
}

/// Says that `paths` are the build's to keep (written in place) or gone.
pub fn no_longer_made(paths: &[PathBuf]) {
    let gone: std::collections::HashSet<&PathBuf> = paths.iter().collect();
    made().retain(|p| !gone.contains(p));
}

#[allow(clippy::print_stderr)]
fn stop(file: &Path, what: &str) -> ! {
    // What the build staged in the output folder goes first.
    for path in made().iter().rev() {
        let _ = if path.is_dir() { std::fs::remove_dir(path) } else { std::fs::remove_file(path) };
    }
    let message = format!("skabelonen {what}; den er stoppet, og intet i outputmappen er ændret");
    eprintln!("{}", crate::model::diag::Diagnostic::error(file, None, message));
    std::process::exit(1);
}

/// The process's resident memory in MB, where the system tells it (Linux).
fn resident_megabytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.trim_start_matches("VmRSS:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024)
}
