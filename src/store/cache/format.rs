//! The cache's files on disk: record files (a header naming what they hold and for which
//! versions, a checksum, then a postcard payload), the `CURRENT` pointer, and atomic writes
//! (a temporary file, synced, then renamed over the old one).

use std::io::Write;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// First bytes of every record file.
const MAGIC: &[u8; 8] = b"QARICCH\x01";

/// Bumped when the layout of the records changes (what they hold, not what extraction finds:
/// that is [`content_version`]).
pub const FORMAT_VERSION: u32 = 4;

/// A hash of the code and data that decide a document's text, metadata and annotations
/// (`src/corpus`, `src/extract`, `src/text` but its layout, `assets/`, `Cargo.lock`), made by
/// `build.rs`: any change there makes cached annotations stale, so the cache rebuilds.
pub fn content_version() -> &'static str {
    env!("QARI_CONTENT_FINGERPRINT")
}

/// A hash of the code that decides the search index (the analyser, the schema, `Cargo.lock`).
pub fn index_version() -> &'static str {
    env!("QARI_INDEX_FINGERPRINT")
}

/// Why a cache file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("{0}: missing")]
    Missing(String),
    #[error("{0}: {1}")]
    Io(String, String),
    #[error("{0}: not a qari cache file")]
    NotOurs(String),
    #[error("{0}: written by another version of qari")]
    OtherVersion(String),
    #[error("{0}: truncated")]
    Truncated(String),
    #[error("{0}: damaged (checksum mismatch)")]
    Damaged(String),
    #[error("{0}: cannot be decoded: {1}")]
    Decode(String, String),
}

/// The header after [`MAGIC`]: format version, content version (16 bytes of text), kind.
pub(super) fn header(kind: &str) -> Vec<u8> {
    let mut h = Vec::with_capacity(64);
    h.extend_from_slice(MAGIC);
    h.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let mut v = [0u8; 16];
    let cv = content_version().as_bytes();
    v[..cv.len().min(16)].copy_from_slice(&cv[..cv.len().min(16)]);
    h.extend_from_slice(&v);
    let mut k = [0u8; 8];
    k[..kind.len().min(8)].copy_from_slice(&kind.as_bytes()[..kind.len().min(8)]);
    h.extend_from_slice(&k);
    h
}

/// Length of [`header`], then the payload length (8 bytes) and its checksum (16 bytes).
const HEADER_LEN: usize = 8 + 4 + 16 + 8;
const PREFIX_LEN: usize = HEADER_LEN + 8 + 16;

fn checksum(payload: &[u8]) -> [u8; 16] {
    let mut c = [0u8; 16];
    c.copy_from_slice(&blake3::hash(payload).as_bytes()[..16]);
    c
}

/// Writes `value` as a record file of `kind` at `path`, atomically.
pub fn write_record<T: Serialize>(path: &Path, kind: &str, value: &T) -> std::io::Result<()> {
    let payload = postcard::to_stdvec(value).map_err(std::io::Error::other)?;
    let mut bytes = header(kind);
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&checksum(&payload));
    bytes.extend_from_slice(&payload);
    write_atomic(path, &bytes)
}

/// Reads a record file of `kind` written by this version of qari.
pub fn read_record<T: DeserializeOwned>(path: &Path, kind: &str) -> Result<T, FormatError> {
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(FormatError::Missing(name));
        }
        Err(e) => return Err(FormatError::Io(name, e.to_string())),
    };
    if bytes.len() < PREFIX_LEN {
        return Err(if bytes.starts_with(&MAGIC[..bytes.len().min(8)]) {
            FormatError::Truncated(name)
        } else {
            FormatError::NotOurs(name)
        });
    }
    if &bytes[..8] != MAGIC {
        return Err(FormatError::NotOurs(name));
    }
    if bytes[..HEADER_LEN] != header(kind)[..] {
        return Err(FormatError::OtherVersion(name));
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[HEADER_LEN..HEADER_LEN + 8]);
    let len = u64::from_le_bytes(len);
    let payload = &bytes[PREFIX_LEN..];
    if (payload.len() as u64) < len {
        return Err(FormatError::Truncated(name));
    }
    let payload = &payload[..len as usize];
    if bytes[HEADER_LEN + 8..PREFIX_LEN] != checksum(payload) {
        return Err(FormatError::Damaged(name));
    }
    postcard::from_bytes(payload).map_err(|e| FormatError::Decode(name, e.to_string()))
}

/// Writes `bytes` to `path` so that a reader sees the old file or the whole new one, never a
/// part: a temporary file beside it, synced, renamed over `path`, then the folder synced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Syncs a folder, so a rename in it survives a crash.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_and_damage_is_named() {
        let dir = std::env::temp_dir().join(format!("qari-format-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("r.bin");
        let v: Vec<(String, u64)> = (0..50).map(|i| (format!("doc {i}"), i)).collect();
        write_record(&p, "test", &v).unwrap();
        assert_eq!(read_record::<Vec<(String, u64)>>(&p, "test").unwrap(), v);
        assert!(matches!(
            read_record::<Vec<(String, u64)>>(&p, "other"),
            Err(FormatError::OtherVersion(_))
        ));
        let mut bytes = std::fs::read(&p).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x55;
        std::fs::write(&p, &bytes).unwrap();
        assert!(matches!(
            read_record::<Vec<(String, u64)>>(&p, "test"),
            Err(FormatError::Damaged(_))
        ));
        std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
        assert!(matches!(
            read_record::<Vec<(String, u64)>>(&p, "test"),
            Err(FormatError::Truncated(_))
        ));
        std::fs::write(&p, b"hello").unwrap();
        assert!(matches!(
            read_record::<Vec<(String, u64)>>(&p, "test"),
            Err(FormatError::NotOurs(_))
        ));
        assert!(matches!(
            read_record::<u8>(&dir.join("none"), "test"),
            Err(FormatError::Missing(_))
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
