//! A look at an XLS file's cells before calamine reads it.
//!
//! Calamine reads every sheet of an XLS file when it opens it, each into a
//! grid over the bounding box of its cells, and a cell record may name any
//! row and column up to 65535: two cells far apart would make a grid of
//! billions of cells. So the file's `Workbook` stream is found in its
//! compound file (CFB) here and its cell records scanned, and a file whose
//! grids would be too large is refused before calamine sees it. The scan
//! reads each byte at most once and allocates no more than the file's size.

use super::MAX_CELLS;

/// The most cells over all sheets' grids calamine may allocate: the sheets
/// not chosen are read too.
const MAX_ALL_CELLS: u64 = 10 * MAX_CELLS as u64;

/// Why an XLS file is not handed to calamine.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refused {
    /// The compound file or its `Workbook` stream cannot be found.
    Broken(&'static str),
    /// A sheet's cells span this many rows and columns.
    Spread { rows: u64, cols: u64 },
    /// All sheets together span this many cells.
    Total(u64),
}

/// Checks the grids calamine would allocate for `bytes`.
///
/// Like calamine, the workbook's globals are read for where each sheet
/// begins (BOUNDSHEET records), and each sheet from there to its EOF,
/// skipping nested substreams (an embedded chart). Sheets that overlap, so
/// the stream would be read more than twice, are refused as broken.
pub(super) fn check(bytes: &[u8]) -> Result<(), Refused> {
    let stream = workbook_stream(bytes)?;
    let mut starts = Vec::new();
    let globals = Records { stream: &stream, at: 0 };
    for (typ, data) in globals {
        match typ {
            0x0085 => starts.extend(le32(data, 0).and_then(|p| usize::try_from(p).ok())),
            0x000A => break,
            _ => {}
        }
    }
    let mut total: u64 = 0;
    let mut work = 0usize;
    for start in starts {
        let (span, read) = span(&stream, start)?;
        work += read;
        let Some((rows, cols)) = span else { continue };
        if work > stream.len().saturating_mul(2) {
            return Err(Refused::Broken("arkene i filen overlapper hinanden"));
        }
        if rows * cols > MAX_CELLS as u64 {
            return Err(Refused::Spread { rows, cols });
        }
        total += rows * cols;
        if total > MAX_ALL_CELLS {
            return Err(Refused::Total(total));
        }
    }
    Ok(())
}

/// The records of a BIFF stream from an offset: type and data.
struct Records<'a> {
    stream: &'a [u8],
    at: usize,
}

impl<'a> Iterator for Records<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let header = self.stream.get(self.at..self.at + 4)?;
        let typ = u16::from_le_bytes([header[0], header[1]]);
        let len = usize::from(u16::from_le_bytes([header[2], header[3]]));
        let data = self.stream.get(self.at + 4..self.at + 4 + len)?;
        self.at += 4 + len;
        Some((typ, data))
    }
}

/// The rows and columns a sheet's cells span, from its first BOF to its EOF
/// (`None` when it has no cells), and how many bytes were read. A
/// DIMENSIONS record, from which calamine reserves room for the cells,
/// counts as cells over its range.
fn span(stream: &[u8], start: usize) -> Result<(Option<(u64, u64)>, usize), Refused> {
    let mut records = Records { stream, at: start };
    let mut bbox: Option<(u16, u16, u16, u16)> = None;
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (typ, data) in records.by_ref() {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let u16_at = |i: usize| data.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
        let cells = match typ {
            0x0809 if seen_bof => {
                depth += 1;
                None
            }
            0x0809 => {
                seen_bof = true;
                None
            }
            0x000A => break,
            0x0200 => {
                let (rows, cols) = dimensions(data)?;
                if rows.saturating_mul(cols) > MAX_CELLS as u64 {
                    return Err(Refused::Spread { rows, cols });
                }
                None
            }
            // NUMBER, RK, LABEL, LABELSST, FORMULA, BOOLERR, RSTRING.
            0x0203 | 0x027E | 0x0204 | 0x00FD | 0x0006 | 0x0205 | 0x00D6 => {
                u16_at(0).zip(u16_at(2)).map(|(row, col)| (row, col, col))
            }
            // MULRK: a row, its first column, …, its last column.
            0x00BD => {
                u16_at(0).zip(u16_at(2)).zip(data.len().checked_sub(2).and_then(u16_at)).map(|((r, a), b)| (r, a, b))
            }
            _ => None,
        };
        if let Some((row, first, last)) = cells {
            let (lo, hi) = (first.min(last), first.max(last));
            bbox = Some(match bbox {
                None => (row, row, lo, hi),
                Some((t, b, l, r)) => (t.min(row), b.max(row), l.min(lo), r.max(hi)),
            });
        }
    }
    let read = records.at.saturating_sub(start);
    Ok((bbox.map(|(top, bottom, left, right)| (u64::from(bottom - top) + 1, u64::from(right - left) + 1)), read))
}

/// The rows and columns of a DIMENSIONS record as calamine reads it
/// (`parse_dimensions` and the reservation after it); a range calamine's
/// arithmetic would wrap around is refused.
fn dimensions(data: &[u8]) -> Result<(u64, u64), Refused> {
    let u16_at = |i: usize| u32::from(u16::from_le_bytes([data[i], data[i + 1]]));
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (u16_at(0), u16_at(2), u16_at(4), u16_at(6)),
        14 | 16 => (le32(data, 0).unwrap_or(0), le32(data, 4).unwrap_or(0), u16_at(8), u16_at(10)),
        // Calamine refuses the record.
        _ => return Ok((0, 0)),
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    let (end_row, end_col) =
        if last_row >= 1 && last_col >= 1 { (last_row - 1, last_col - 1) } else { (first_row, first_col) };
    if end_row < first_row || end_col < first_col {
        return Err(Refused::Broken("filens DIMENSIONS-post er ødelagt"));
    }
    Ok((u64::from(end_row - first_row) + 1, u64::from(end_col - first_col) + 1))
}

fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream of a compound file.
pub(super) fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, Refused> {
    const BROKEN: Refused = Refused::Broken("filens indre struktur (CFB) er ødelagt");
    const END: u32 = 0xFFFF_FFFE;
    let shift = bytes.get(0x1E..0x20).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or(BROKEN)?;
    if shift != 9 && shift != 12 {
        return Err(BROKEN);
    }
    let size = 1usize << shift;
    let sector = |i: u32| -> Option<&[u8]> {
        let start = (usize::try_from(i).ok()? + 1).checked_mul(size)?;
        bytes.get(start..start + size)
    };
    let max_sectors = bytes.len() / size + 1;
    // The FAT's sectors: 109 listed in the header, the rest in DIFAT sectors.
    let mut fat_sectors: Vec<u32> = (0..109).filter_map(|i| le32(bytes, 0x4C + 4 * i)).collect();
    let mut difat = le32(bytes, 0x44).ok_or(BROKEN)?;
    let mut steps = 0;
    while difat < END {
        steps += 1;
        let s = sector(difat).filter(|_| steps <= max_sectors).ok_or(BROKEN)?;
        let n = size / 4 - 1;
        fat_sectors.extend((0..n).filter_map(|i| le32(s, 4 * i)));
        difat = le32(s, 4 * n).ok_or(BROKEN)?;
    }
    let fat_count = usize::try_from(le32(bytes, 0x2C).ok_or(BROKEN)?).map_err(|_| BROKEN)?;
    let mut fat: Vec<u32> = Vec::new();
    for &s in fat_sectors.iter().filter(|&&s| s < END).take(fat_count.min(max_sectors)) {
        let s = sector(s).ok_or(BROKEN)?;
        fat.extend((0..size / 4).filter_map(|i| le32(s, 4 * i)));
    }
    // A chain of sectors, each at most once.
    let chain = |start: u32, table: &[u32], read: &dyn Fn(u32) -> Option<Vec<u8>>| {
        let mut out = Vec::new();
        let mut at = start;
        let mut steps = 0;
        while at < END {
            steps += 1;
            if steps > table.len() + 1 {
                return None;
            }
            out.extend(read(at)?);
            at = *table.get(usize::try_from(at).ok()?)?;
        }
        Some(out)
    };
    let read_sector = |i: u32| sector(i).map(<[u8]>::to_vec);
    let directory = chain(le32(bytes, 0x30).ok_or(BROKEN)?, &fat, &read_sector).ok_or(BROKEN)?;
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let name = |e: &[u8]| -> String {
        let len = usize::from(u16::from_le_bytes([e[0x40], e[0x41]])).min(64);
        let units: Vec<u16> = e[..len].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units).trim_end_matches('\0').to_string()
    };
    let root = entries.first().ok_or(BROKEN)?;
    let book = entries
        .iter()
        .find(|e| e[0x42] == 2 && name(e) == "Workbook")
        .or_else(|| entries.iter().find(|e| e[0x42] == 2 && name(e) == "Book"))
        .ok_or(Refused::Broken("filen har ingen Excel-projektmappe (Workbook) indeni"))?;
    let start = le32(book, 0x74).ok_or(BROKEN)?;
    let len = usize::try_from(le32(book, 0x78).ok_or(BROKEN)?).map_err(|_| BROKEN)?;
    let cutoff = usize::try_from(le32(bytes, 0x38).ok_or(BROKEN)?).map_err(|_| BROKEN)?;
    let mut stream = if len >= cutoff {
        chain(start, &fat, &read_sector).ok_or(BROKEN)?
    } else {
        // A small stream lives in the mini stream, in 64-byte sectors.
        let minifat_sectors = chain(le32(bytes, 0x3C).ok_or(BROKEN)?, &fat, &read_sector).ok_or(BROKEN)?;
        let minifat: Vec<u32> = (0..minifat_sectors.len() / 4).filter_map(|i| le32(&minifat_sectors, 4 * i)).collect();
        let mini_stream = chain(le32(root, 0x74).ok_or(BROKEN)?, &fat, &read_sector).ok_or(BROKEN)?;
        let read_mini = |i: u32| {
            let at = usize::try_from(i).ok()?.checked_mul(64)?;
            mini_stream.get(at..at + 64).map(<[u8]>::to_vec)
        };
        chain(start, &minifat, &read_mini).ok_or(BROKEN)?
    };
    if stream.len() < len {
        return Err(BROKEN);
    }
    stream.truncate(len);
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XLS: &[u8] = include_bytes!("../../../tests/fixtures/import/beboerdata.xls");

    #[test]
    fn the_fixture_passes_and_its_workbook_stream_is_found() {
        let stream = workbook_stream(XLS).unwrap();
        // A BIFF8 workbook begins with its BOF record.
        assert_eq!(&stream[..4], &[0x09, 0x08, 0x10, 0x00]);
        assert_eq!(check(XLS), Ok(()));
    }

    #[test]
    fn a_cell_far_away_is_refused() {
        // Move the first RK or NUMBER cell record (30,65 in «Andel unge», whose
        // table begins at B2) to row 60001, column 65001.
        let stream = workbook_stream(XLS).unwrap();
        let mut at = 0;
        let record = loop {
            let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
            let len = usize::from(u16::from_le_bytes([stream[at + 2], stream[at + 3]]));
            if typ == 0x027E || typ == 0x0203 {
                break stream[at..at + 4 + len].to_vec();
            }
            at += 4 + len;
        };
        let in_file = XLS.windows(record.len()).position(|w| w == record).unwrap();
        let mut hostile = XLS.to_vec();
        hostile[in_file + 4..in_file + 6].copy_from_slice(&60_000u16.to_le_bytes());
        hostile[in_file + 6..in_file + 8].copy_from_slice(&65_000u16.to_le_bytes());
        assert_eq!(check(&hostile), Err(Refused::Spread { rows: 60_000, cols: 65_000 }));
        let mut diags = crate::model::diag::Diagnostics::default();
        let options = crate::input::sheet::Options::default();
        assert_eq!(crate::input::sheet::read(std::path::Path::new("b.xls"), &hostile, &options, &mut diags), None);
        assert_eq!(
            diags.sorted()[0].to_string(),
            "fejl: b.xls: et af filens ark spænder over 60000 rækker og 65000 kolonner, over 1.000.000 celler; \
             slet de celler, der ligger langt fra tabellen"
        );
    }

    #[test]
    fn garbage_is_broken_not_a_panic() {
        let mut bytes = XLS[..600].to_vec();
        assert!(matches!(check(&bytes), Err(Refused::Broken(_))));
        bytes = XLS.to_vec();
        bytes[0x30..0x34].copy_from_slice(&7_000_000u32.to_le_bytes());
        assert!(matches!(check(&bytes), Err(Refused::Broken(_))));
        bytes = XLS.to_vec();
        bytes[0x1E] = 30;
        assert!(matches!(check(&bytes), Err(Refused::Broken(_))));
    }
}
