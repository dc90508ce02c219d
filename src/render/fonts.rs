//! The fonts every document is set in, all embedded in the program: Typst's
//! own (Libertinus Serif, New Computer Modern, DejaVu Sans Mono; Latin,
//! Greek and Cyrillic) and, as fallbacks for what people write that those
//! do not hold, the fonts in `fonts/`: Noto Emoji (monochrome), Droid Sans
//! Fallback (Chinese, Japanese, Korean) and Noto Sans for Arabic, Hebrew,
//! Devanagari, Bengali, Tamil, Thai, Ethiopic, Armenian, Georgian, Gujarati,
//! Gurmukhi, Sinhala, Khmer and symbols. Korean (Hangul) is not among
//! them: a font for it alone would add 4 MB. Together about 8,4 MB of the
//! binary; their licences are in `fonts/`.
//!
//! [`shown`] says whether a character can be set: validation refuses, at its
//! position, text no embedded font can show, instead of Typst failing later
//! without a location.

use std::sync::LazyLock;
use typst::foundations::Bytes;
use typst::text::Font;
use typst_kit::fonts::FontStore;

/// The fallback fonts' files.
const FALLBACKS: [&[u8]; 17] = [
    include_bytes!("../../fonts/NotoEmoji-Regular.ttf"),
    include_bytes!("../../fonts/DroidSansFallbackFull.ttf"),
    include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansDevanagari-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansBengali-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansTamil-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansThai-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansEthiopic-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansArmenian-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansGeorgian-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansGujarati-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansGurmukhi-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansSinhala-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansKhmer-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansSymbols-Regular.ttf"),
    include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf"),
];

/// Every embedded font, Typst's own first, loaded once per process. No
/// system font is ever consulted, so every machine produces the same
/// document.
pub static STORE: LazyLock<FontStore> = LazyLock::new(|| {
    let fallbacks = FALLBACKS.into_iter().flat_map(|data| {
        Font::iter(Bytes::new(data)).map(|font| {
            let info = font.info().clone();
            (font, info)
        })
    });
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::embedded().chain(fallbacks));
    store
});

/// The code points some embedded font holds, one bit each, from the fonts'
/// descriptions in [`STORE`].
static COVERED: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (u32::from(char::MAX) as usize + 1).div_ceil(64)];
    let book = STORE.book();
    for info in (0..).map_while(|i| book.info(i)) {
        for c in info.coverage.iter() {
            if let Some(word) = bits.get_mut(c as usize / 64) {
                *word |= 1 << (c % 64);
            }
        }
    }
    bits
});

/// Whether `c` can be set in a document: some embedded font holds it, or it
/// is a character that is never drawn (a space, a joiner, a variation
/// selector), or a line break.
pub fn shown(c: char) -> bool {
    let n = u32::from(c);
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
        || ('\u{E0100}'..='\u{E01EF}').contains(&c)
        || COVERED.get(n as usize / 64).is_some_and(|w| w & (1 << (n % 64)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_people_write_can_be_shown() {
        for text in [
            "Æblegrød på Østerbro",
            "Godt gået 👍😀🎉",
            "李小龙",
            "ハナ",
            "محمد",
            "שלום",
            "नमस्ते",
            "ሰላም",
            "Tbilisi თბილისი",
        ] {
            for c in text.chars() {
                assert!(shown(c), "{c} (U+{:04X}) in {text}", u32::from(c));
            }
        }
    }

    #[test]
    fn an_unassigned_or_private_character_cannot() {
        assert!(!shown('\u{0378}'));
        assert!(!shown('\u{10FFFD}'));
    }
}
