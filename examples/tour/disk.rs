//! A small, plausible raw disk image, built the same way every time: an MBR with one Linux
//! partition, an ext4-like superblock, a few MiB of text and of incompressible data (as a
//! real root file system has: logs and configuration, compressed packages and binaries), and
//! zeros for the free space.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The image's size: 64 MiB.
pub const SIZE: u64 = 64 * MIB;
const MIB: u64 = 1024 * 1024;
const SECTOR: u64 = 512;
/// The partition starts at 1 MiB, as partitioning tools align it.
const PARTITION_START: u64 = MIB;

/// The image on disk, and what it holds.
pub struct Disk {
    pub path: PathBuf,
    pub size: u64,
    /// Bytes that are not free space (zeros).
    pub used: u64,
}

/// Writes the image at `path`. The free space is left as a hole where the file system
/// supports it: it reads as zeros all the same.
pub fn build(path: &Path) -> io::Result<Disk> {
    let mut file = File::create(path)?;
    file.set_len(SIZE)?;
    let mut used = 0;
    let mut put = |offset: u64, data: &[u8]| -> io::Result<()> {
        file.seek(SeekFrom::Start(offset))?;
        file.write_all(data)?;
        used += data.len() as u64;
        Ok(())
    };
    put(0, &mbr())?;
    put(PARTITION_START + 1024, &superblock())?;
    put(PARTITION_START + MIB, &text(3 * MIB as usize))?;
    put(PARTITION_START + 5 * MIB, &noise(3 * MIB as usize, 0x5eed_cafe_f00d_d00d))?;
    put(PARTITION_START + 9 * MIB, &table(MIB as usize))?;
    put(SIZE - 2 * MIB, &noise(512 * 1024, 0x0dd5_eed5_1234_5678))?;
    file.sync_all()?;
    Ok(Disk { path: path.to_path_buf(), size: SIZE, used })
}

/// Sector 0: a boot stub, a disk signature, one bootable Linux partition, `55 AA`.
fn mbr() -> [u8; 512] {
    let mut mbr = [0u8; 512];
    mbr[..3].copy_from_slice(&[0xEB, 0x63, 0x90]); // jmp short +0x63; nop
    let message = b"cloud-images tour disk: not bootable\r\n\0";
    mbr[0x65..0x65 + message.len()].copy_from_slice(message);
    mbr[440..444].copy_from_slice(&0x7475_6f72u32.to_le_bytes()); // disk signature
    let first = (PARTITION_START / SECTOR) as u32;
    let sectors = (SIZE / SECTOR) as u32 - first;
    let entry = &mut mbr[446..462];
    entry[0] = 0x80; // bootable
    entry[1..4].copy_from_slice(&[0x20, 0x21, 0x00]); // CHS of the first sector
    entry[4] = 0x83; // Linux
    entry[5..8].copy_from_slice(&[0xFE, 0xFF, 0xFF]); // CHS of the last sector (LBA only)
    entry[8..12].copy_from_slice(&first.to_le_bytes());
    entry[12..16].copy_from_slice(&sectors.to_le_bytes());
    mbr[510] = 0x55;
    mbr[511] = 0xAA;
    mbr
}

/// The start of an ext4 superblock: counts, block size, the `EF53` magic, a UUID and a label.
fn superblock() -> [u8; 1024] {
    let mut sb = [0u8; 1024];
    let blocks = ((SIZE - PARTITION_START) / 4096) as u32;
    let mut field = |offset: usize, value: u32| sb[offset..offset + 4].copy_from_slice(&value.to_le_bytes());
    field(0x00, 16_384); // inodes
    field(0x04, blocks); // blocks
    field(0x0C, blocks - 2_731); // free blocks
    field(0x10, 16_373); // free inodes
    field(0x18, 2); // log2(block size) - 10: 4096-byte blocks
    field(0x20, 32_768); // blocks per group
    field(0x28, 16_384); // inodes per group
    sb[0x38..0x3A].copy_from_slice(&0xEF53u16.to_le_bytes());
    sb[0x68..0x78].copy_from_slice(&[
        0x9c, 0x3e, 0x1f, 0x52, 0x7a, 0x41, 0x4b, 0x0e, 0x8d, 0x55, 0x2b, 0x61, 0x0f, 0x3c, 0x9e, 0x04,
    ]);
    sb[0x78..0x78 + 9].copy_from_slice(b"tour-root");
    sb
}

/// Configuration and log lines, as a fresh system has.
fn text(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 256);
    out.extend_from_slice(
        b"PRETTY_NAME=\"Tour Linux 1.0\"\nNAME=\"Tour Linux\"\nVERSION_ID=\"1.0\"\nID=tour\n\
          HOME_URL=\"https://example.com/tour\"\n\n",
    );
    let units = ["systemd-networkd", "sshd", "cloud-init", "chronyd", "kernel", "systemd-journald"];
    let mut n: u64 = 0;
    while out.len() < len {
        let unit = units[(n % 7 % 6) as usize];
        let line = format!(
            "Jan {:>2} {:02}:{:02}:{:02} tour-host {unit}[{}]: event {} on eth{} ({} ms)\n",
            1 + n / 86_400 % 28,
            n / 3600 % 24,
            n / 60 % 60,
            n % 60,
            300 + n % 977,
            n * 7919 % 100_003,
            n % 2,
            n * 31 % 1000,
        );
        out.extend_from_slice(line.as_bytes());
        n += 1;
    }
    out.truncate(len);
    out
}

/// Bytes that do not compress (xorshift64*), from a fixed seed.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

/// An inode-table-like run of small records.
fn table(len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    let mut inode: u32 = 11;
    while out.len() < len {
        out.extend_from_slice(&0o100_644u16.to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&(inode * 97 % 65_536).to_le_bytes());
        out.extend_from_slice(&1_700_000_000u32.wrapping_add(inode * 13).to_le_bytes());
        out.extend_from_slice(&inode.to_le_bytes());
        out.extend_from_slice(&[0u8; 12]);
        inode += 1;
    }
    out.truncate(len);
    out
}
