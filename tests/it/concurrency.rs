//! One client shared by many threads: every call succeeds and reaches the server exactly once.

use crate::common;

use std::collections::HashMap;
use std::thread;

use cloud_images::linode::{self, ops};
use common::{LINODE_IMAGE, Reply, Server};

fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}

#[test]
fn clients_and_errors_are_send_and_sync() {
    assert_send_sync::<linode::Client>();
    assert_send_sync::<cloud_images::digitalocean::Client>();
    fn error_bounds<E: std::error::Error + Send + Sync + 'static>() {}
    error_bounds::<cloud_images::Error>();
}

#[test]
fn eight_threads_times_250_calls_on_one_client() {
    const THREADS: usize = 8;
    const CALLS: usize = 250;
    let server = Server::start_with(|_| Reply::json(200, LINODE_IMAGE));
    let client = linode::Client::builder().token("tok").base_url(server.url()).build().unwrap();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let client = client.clone();
            thread::spawn(move || {
                for i in 0..CALLS {
                    let image = client.execute(&ops::GetImage::new(format!("private/{t}-{i}"))).unwrap();
                    assert_eq!(image.id, "private/12345");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut per_path: HashMap<String, usize> = HashMap::new();
    for seen in server.seen() {
        *per_path.entry(seen.target).or_default() += 1;
    }
    assert_eq!(per_path.len(), THREADS * CALLS);
    assert!(per_path.values().all(|&n| n == 1), "a call was sent more than once");
    assert!(per_path.contains_key("/v4/images/private%2F7-249"));
}
