//! Record tables: files of many small postcard records with an offset table, mapped and read
//! one record at a time, so a query decodes the few documents it shows, not the archive.
//!
//! Layout: the record-file header of [`super::format`] (magic, versions, kind), then the
//! records (each a postcard payload followed by its CRC-32 and length, 8 bytes: a check against
//! damage, cheap enough to run on every record read), then the offsets
//! (`count + 1` little-endian u64, from the file start), then `count` and the offsets' own
//! 16-byte hash. A truncated or damaged file fails its checks; it never decodes to garbage.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::format::{FormatError, header, sync_dir};

/// Bytes after the offsets: count (8) and the offsets' hash (16).
const FOOTER: usize = 8 + 16;
/// Bytes of each record's hash.
const CHECK: usize = 8;

fn hash8(b: &[u8]) -> [u8; 8] {
    let mut c = [0u8; 8];
    c[..4].copy_from_slice(&crc32fast::hash(b).to_le_bytes());
    c[4..].copy_from_slice(&(b.len() as u32).to_le_bytes());
    c
}

fn hash16(b: &[u8]) -> [u8; 16] {
    let mut c = [0u8; 16];
    c.copy_from_slice(&blake3::hash(b).as_bytes()[..16]);
    c
}

/// Writes a table to a temporary file, renamed into place by [`TableWriter::finish`].
pub struct TableWriter {
    path: PathBuf,
    tmp: PathBuf,
    out: std::io::BufWriter<std::fs::File>,
    offsets: Vec<u64>,
    at: u64,
}

impl TableWriter {
    /// Starts a table of `kind` at `path`.
    pub fn create(path: &Path, kind: &str) -> std::io::Result<TableWriter> {
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
        let h = header(kind);
        out.write_all(&h)?;
        Ok(TableWriter {
            path: path.to_path_buf(),
            tmp,
            out,
            offsets: Vec::new(),
            at: h.len() as u64,
        })
    }

    /// Appends one record.
    pub fn push<T: Serialize>(&mut self, value: &T) -> std::io::Result<()> {
        let bytes = postcard::to_stdvec(value).map_err(std::io::Error::other)?;
        self.offsets.push(self.at);
        self.out.write_all(&bytes)?;
        self.out.write_all(&hash8(&bytes))?;
        self.at += (bytes.len() + CHECK) as u64;
        Ok(())
    }

    /// Writes the offsets, syncs, and renames the file into place.
    pub fn finish(mut self) -> std::io::Result<()> {
        let result = (|| {
            self.offsets.push(self.at);
            let mut table = Vec::with_capacity(self.offsets.len() * 8);
            for o in &self.offsets {
                table.extend_from_slice(&o.to_le_bytes());
            }
            self.out.write_all(&table)?;
            self.out.write_all(&((self.offsets.len() - 1) as u64).to_le_bytes())?;
            self.out.write_all(&hash16(&table))?;
            let f = self.out.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            drop(f);
            std::fs::rename(&self.tmp, &self.path)?;
            sync_dir(self.path.parent().unwrap_or(Path::new(".")))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        result
    }
}

/// A table opened for reading (mapped).
pub struct Table {
    name: String,
    map: memmap2::Mmap,
    /// Byte position of the offsets.
    offsets_at: usize,
    count: usize,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({}, {} records)", self.name, self.count)
    }
}

impl Table {
    /// Opens the table of `kind` at `path`, checking its header and offsets.
    pub fn open(path: &Path, kind: &str) -> Result<Table, FormatError> {
        let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let f = std::fs::File::open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                FormatError::Missing(name.clone())
            } else {
                FormatError::Io(name.clone(), e.to_string())
            }
        })?;
        // SAFETY: cache files are written to a temporary name and renamed into place, never
        // changed afterwards; every read below is bounds-checked against the map.
        let map = unsafe { memmap2::Mmap::map(&f) }
            .map_err(|e| FormatError::Io(name.clone(), e.to_string()))?;
        let h = header(kind);
        if map.len() < 8 || map[..8] != h[..8] {
            return Err(FormatError::NotOurs(name));
        }
        if map.len() < h.len() + FOOTER + 8 {
            return Err(FormatError::Truncated(name));
        }
        if map[..h.len()] != h[..] {
            return Err(FormatError::OtherVersion(name));
        }
        let count = u64_at(&map, map.len() - FOOTER) as usize;
        let table_len = count.checked_add(1).and_then(|n| n.checked_mul(8));
        let Some(offsets_at) = table_len.and_then(|t| map.len().checked_sub(FOOTER + t)) else {
            return Err(FormatError::Truncated(name));
        };
        if offsets_at < h.len() {
            return Err(FormatError::Truncated(name));
        }
        let table = &map[offsets_at..map.len() - FOOTER];
        if map[map.len() - 16..] != hash16(table) {
            return Err(FormatError::Damaged(name));
        }
        let t = Table { name, map, offsets_at, count };
        // Offsets must rise and stay inside the records.
        let mut last = h.len() as u64;
        for i in 0..=count {
            let o = t.offset(i);
            if o < last || o > offsets_at as u64 {
                return Err(FormatError::Damaged(t.name.clone()));
            }
            last = o;
        }
        Ok(t)
    }

    fn offset(&self, i: usize) -> u64 {
        u64_at(&self.map, self.offsets_at + i * 8)
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Record `i`, checked and decoded.
    pub fn get<T: DeserializeOwned>(&self, i: usize) -> Result<T, FormatError> {
        if i >= self.count {
            return Err(FormatError::Damaged(self.name.clone()));
        }
        let (a, b) = (self.offset(i) as usize, self.offset(i + 1) as usize);
        if b < a + CHECK {
            return Err(FormatError::Damaged(self.name.clone()));
        }
        let (bytes, check) = self.map[a..b].split_at(b - a - CHECK);
        if check != hash8(bytes) {
            return Err(FormatError::Damaged(self.name.clone()));
        }
        postcard::from_bytes(bytes)
            .map_err(|e| FormatError::Decode(self.name.clone(), e.to_string()))
    }

    /// Every record, in order.
    pub fn all<T: DeserializeOwned>(&self) -> Result<Vec<T>, FormatError> {
        (0..self.count).map(|i| self.get(i)).collect()
    }
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_back_one_by_one_and_damage_is_caught() {
        let dir = std::env::temp_dir().join(format!("qari-table-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("t.bin");
        let mut w = TableWriter::create(&p, "test").unwrap();
        for i in 0..100u32 {
            w.push(&(i, format!("record {i}"))).unwrap();
        }
        w.finish().unwrap();
        let t = Table::open(&p, "test").unwrap();
        assert_eq!(t.len(), 100);
        assert_eq!(t.get::<(u32, String)>(42).unwrap(), (42, "record 42".to_string()));
        assert!(t.get::<(u32, String)>(100).is_err());
        assert!(matches!(Table::open(&p, "other"), Err(FormatError::OtherVersion(_))));
        drop(t);
        // A flipped byte inside record 3 fails that record only.
        let mut bytes = std::fs::read(&p).unwrap();
        let at = bytes.windows(8).position(|w| w == b"record 3").unwrap();
        bytes[at] ^= 1;
        std::fs::write(&p, &bytes).unwrap();
        let t = Table::open(&p, "test").unwrap();
        assert!(matches!(t.get::<(u32, String)>(3), Err(FormatError::Damaged(_))));
        assert!(t.get::<(u32, String)>(4).is_ok());
        drop(t);
        std::fs::write(&p, &bytes[..bytes.len() - 100]).unwrap();
        assert!(Table::open(&p, "test").is_err(), "truncated");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
