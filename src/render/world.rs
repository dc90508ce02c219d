//! An in-memory Typst world: the template sources, the report's JSON and
//! charts as files, fonts only from the embedded set, and a fixed `today()`.
//! Nothing is read from disk or the network while compiling.

use super::fonts::STORE;
use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, PathError, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The standard library, built once per process.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The id of a file at an absolute path in the world, e.g. `/data.json`;
/// an error for a path Typst cannot hold (one with a backslash).
pub fn file_id(path: &str) -> Result<FileId, PathError> {
    Ok(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path)?).intern())
}

/// A world holding one document's files in memory.
pub struct ReportWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl ReportWorld {
    /// A world whose main file is `main` (one of the `sources`).
    pub fn new(main: &str, today: Datetime) -> Result<Self, PathError> {
        Ok(ReportWorld { main: file_id(main)?, sources: HashMap::new(), files: HashMap::new(), today })
    }

    /// Adds a Typst source file.
    pub fn add_source(&mut self, path: &str, text: String) -> Result<(), PathError> {
        let id = file_id(path)?;
        self.sources.insert(id, Source::new(id, text));
        Ok(())
    }

    /// Adds a binary or data file (JSON, SVG).
    pub fn add_file(&mut self, path: &str, bytes: impl AsRef<[u8]> + Send + Sync + 'static) -> Result<(), PathError> {
        self.files.insert(file_id(path)?, Bytes::new(bytes));
        Ok(())
    }

    /// Preloads the fonts; call once to move that cost out of the first compile.
    pub fn warm_up() {
        LazyLock::force(&STORE);
        LazyLock::force(&LIBRARY);
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        STORE.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        STORE.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
