//! Lists Linode's public images in a table. No token needed.
//!
//! ```sh
//! cargo run --example list_images
//! cargo run --example list_images -- --base-url http://127.0.0.1:8080   # another server
//! LINODE_URL=http://127.0.0.1:8041 cargo run --example list_images      # the same
//! ```
//!
//! The client is anonymous, `Client::anonymous()`: it sends no token (a token in `LINODE_TOKEN`
//! is not used) and asks for the public images only (`X-Filter: {"is_public":true}`), 100 a
//! page. The requests go to `https://api.linode.com`, or to the server named by `--base-url` or
//! by `LINODE_URL` (`cargo run --features testing --bin cloud-images-stand-in` serves one).
//! Exits with 1 and the error on failure (no network, for one).

use std::process::ExitCode;

use cloud_images::linode::{Client, Filter};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let client = match base_url()? {
        Some(url) => Client::builder().base_url(url).user_agent("list-images-example").build()?,
        None => Client::anonymous()?,
    };
    let mut images = client.images().list().page_size(100).filter(Filter::eq("is_public", true)).iter();
    let mut rows = Vec::new();
    for image in images.by_ref() {
        let image = image?;
        rows.push([
            image.id,
            image.label.unwrap_or_else(|| "-".to_string()),
            image.size.map_or_else(|| "-".to_string(), |size| format!("{size} MB")),
            image.status.map_or_else(|| "-".to_string(), |status| status.to_string()),
            image.vendor.unwrap_or_else(|| "-".to_string()),
            if image.deprecated == Some(true) { "deprecated".to_string() } else { String::new() },
        ]);
    }
    print_table(["id", "label", "size", "status", "vendor", ""], &rows);
    println!("\n{} public images ({} pages)", rows.len(), images.pages_fetched());
    Ok(())
}

/// `--base-url URL` or `--base-url=URL`, if given.
fn base_url() -> Result<Option<String>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => Ok(None),
        [flag, url] if flag == "--base-url" => Ok(Some(url.clone())),
        [arg] if arg.starts_with("--base-url=") => Ok(Some(arg["--base-url=".len()..].to_string())),
        _ => Err("usage: cargo run --example list_images [-- --base-url URL]".into()),
    }
}

/// Left-aligned columns, but the size (third) right-aligned.
fn print_table<const N: usize>(headers: [&str; N], rows: &[[String; N]]) {
    let mut widths = headers.map(str::len);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; N]| {
        let cells: Vec<String> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (c, w))| if i == 2 { format!("{c:>w$}") } else { format!("{c:<w$}") })
            .collect();
        println!("{}", cells.join("  ").trim_end());
    };
    line(headers);
    let rules = widths.map(|w| "-".repeat(w));
    line(std::array::from_fn(|i| rules[i].as_str()));
    for row in rows {
        line(std::array::from_fn(|i| row[i].as_str()));
    }
}
