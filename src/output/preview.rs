//! The live preview's web server (`helhed serve`): the outputs of the last
//! good build, read back from the preview's own output folder, a page that
//! lists and shows them, and a stream of server-sent events that tells the
//! page to reload after each build. It listens on loopback only.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// The path of the event stream.
pub const EVENTS: &str = "/haendelser";

/// What the server shows: the folder of the last good build and the page.
pub struct Preview {
    dir: PathBuf,
    state: Mutex<State>,
    changed: Condvar,
    stop: AtomicBool,
}

struct State {
    /// Bumped by every build, good or bad.
    generation: u64,
    /// The front page's HTML.
    page: String,
}

impl Preview {
    /// A preview of the outputs in `dir`, showing `page` until the next build.
    pub fn new(dir: PathBuf, page: String) -> Arc<Preview> {
        Arc::new(Preview {
            dir,
            state: Mutex::new(State { generation: 0, page }),
            changed: Condvar::new(),
            stop: AtomicBool::new(false),
        })
    }

    /// A build is done: show `page`, and tell every open page to reload.
    pub fn publish(&self, page: String) {
        let mut state = self.lock();
        state.generation += 1;
        state.page = page;
        self.changed.notify_all();
    }

    /// Stops serving: [`Preview::serve`] returns and open event streams end.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.changed.notify_all();
    }

    /// Whether [`Preview::stop`] was called.
    pub fn is_stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Answers requests until [`Preview::stop`]; each on its own thread, so
    /// an open event stream never holds up a page.
    pub fn serve(self: &Arc<Self>, server: tiny_http::Server) {
        while !self.stop.load(Ordering::SeqCst) {
            match server.recv_timeout(Duration::from_millis(100)) {
                Ok(Some(request)) => {
                    let preview = Arc::clone(self);
                    std::thread::spawn(move || preview.respond(request));
                }
                Ok(None) => {}
                Err(_) => {
                    self.stop();
                    break;
                }
            }
        }
    }

    fn respond(&self, request: tiny_http::Request) {
        // Only a page of this machine's own address: a web page elsewhere
        // that points a name of its own at 127.0.0.1 (DNS rebinding) is
        // refused, so it cannot read the board's documents.
        let host = request.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str().to_string());
        let local = host.as_deref().is_none_or(|h| {
            let name = h.rsplit_once(':').map_or(h, |(name, _)| name);
            matches!(name, "127.0.0.1" | "localhost" | "[::1]")
        });
        if !local {
            let _ = request.respond(tiny_http::Response::from_string("").with_status_code(403));
            return;
        }
        let url = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let header = |name: &str, value: &str| {
            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
        };
        let no_store = header("Cache-Control", "no-store");
        let _ = match url.as_str() {
            "/" => {
                let page = self.lock().page.clone();
                request.respond(
                    tiny_http::Response::from_string(page)
                        .with_header(header("Content-Type", "text/html; charset=utf-8"))
                        .with_header(no_store),
                )
            }
            EVENTS => {
                self.events(request);
                Ok(())
            }
            _ => match self.file(&url) {
                Some((bytes, kind)) => request.respond(
                    tiny_http::Response::from_data(bytes)
                        .with_header(header("Content-Type", kind))
                        .with_header(no_store),
                ),
                None => request.respond(tiny_http::Response::from_string("Findes ikke").with_status_code(404)),
            },
        };
    }

    /// The file `url` names under the folder, and its type: only plain
    /// names below the folder, never `..` or an absolute path.
    fn file(&self, url: &str) -> Option<(Vec<u8>, &'static str)> {
        let rel = percent_decode(url.trim_start_matches('/'))?;
        let rel = Path::new(&rel);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) || rel.as_os_str().is_empty() {
            return None;
        }
        if rel.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            return None;
        }
        let path = self.dir.join(rel);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("html") => "text/html; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("pdf") => "application/pdf",
            Some("json") => "application/json",
            Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Some("csv") => "text/csv; charset=utf-8",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            _ => "application/octet-stream",
        };
        Some((std::fs::read(&path).ok()?, kind))
    }
}

impl Preview {
    /// An event stream: `data: <generation>` after each build, a comment
    /// every 15 seconds to keep the connection, and its end when the server
    /// stops. Written straight to the connection and flushed event by event
    /// (a response body would be buffered).
    fn events(&self, request: tiny_http::Request) {
        let mut seen = self.lock().generation;
        let mut out = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        if out.write_all(head.as_bytes()).and_then(|()| out.flush()).is_err() {
            return;
        }
        loop {
            let state = self.lock();
            let (state, timeout) = self
                .changed
                .wait_timeout_while(state, Duration::from_secs(15), |s| s.generation == seen && !self.is_stopped())
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if self.is_stopped() {
                return;
            }
            let event = if timeout.timed_out() {
                ": stadig her\n\n".to_string()
            } else {
                seen = state.generation;
                format!("data: {seen}\n\n")
            };
            drop(state);
            if out.write_all(event.as_bytes()).and_then(|()| out.flush()).is_err() {
                return;
            }
        }
    }
}

/// `%C3%A6` → `æ`; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_below_the_folder_are_served() {
        let root = std::env::temp_dir().join(format!("helhed-preview-{}", std::process::id()));
        let dir = root.join("ud");
        std::fs::create_dir_all(dir.join("site")).unwrap();
        std::fs::write(dir.join("site/index.html"), "hej").unwrap();
        std::fs::write(dir.join(".helhed-genbrug.json"), "{}").unwrap();
        // A file beside the served folder, which no URL may reach.
        std::fs::write(root.join("hemmelig.txt"), "nej").unwrap();
        let p = Preview::new(dir.clone(), String::new());
        assert_eq!(p.file("/site/index.html"), Some((b"hej".to_vec(), "text/html; charset=utf-8")));
        for bad in [
            "/../hemmelig.txt",
            "/site/../../hemmelig.txt",
            "/%2e%2e/hemmelig.txt",
            "/%2E%2E%2Fhemmelig.txt",
            "/.helhed-genbrug.json",
            "/site",
            "/%zz",
        ] {
            assert!(p.file(bad).is_none(), "{bad}");
        }
        let _ = std::fs::remove_dir_all(root);
    }
}
