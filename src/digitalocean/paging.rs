//! DigitalOcean pagination: follow `links.pages.next`, but only ever as a page number on the
//! caller's own request, so the filters are kept and the token stays on the configured host.

use super::Client;
use super::{ops, types};
use crate::decode::Listing;
use crate::error::ErrorKind;
use crate::pager::Fetched;
use crate::{Error, Items, Operation, Page, Result, encode};

/// The page size the API uses when `per_page` is not sent.
pub(crate) const DEFAULT_PER_PAGE: u64 = 20;
/// The largest `per_page` the API accepts.
pub(crate) const MAX_PER_PAGE: u64 = 200;

/// A list operation that can be re-sent for another page.
pub(crate) trait Paged:
    Operation<Response: Listing<Item = Self::Item>> + Clone + Send + 'static
{
    /// What one page holds.
    type Item: Send + 'static;
    /// The page the request asks for (`None`: the first).
    fn page(&self) -> Option<u64>;
    /// The page size the request asks for (`None`: the server's default, 20).
    fn per_page(&self) -> Option<u64>;
    /// Asks for another page; everything else is kept.
    fn set_page(&mut self, page: u64);
    /// The `links` and `meta.total` of one response (its items taken out already).
    fn counters(page: &Self::Response) -> (Option<&types::PageLinksPages>, Option<u64>);
}

impl Listing for types::ImageList {
    type Item = types::Image;
    const ITEMS: &'static str = "images";
    fn take_items(&mut self) -> Vec<types::Image> {
        std::mem::take(&mut self.images)
    }
}

impl Listing for types::ActionList {
    type Item = types::Action;
    const ITEMS: &'static str = "actions";
    fn take_items(&mut self) -> Vec<types::Action> {
        std::mem::take(&mut self.actions)
    }
}

impl Paged for ops::ImagesList {
    type Item = types::Image;
    fn page(&self) -> Option<u64> {
        self.page
    }
    fn per_page(&self) -> Option<u64> {
        self.per_page
    }
    fn set_page(&mut self, page: u64) {
        self.page = Some(page);
    }
    fn counters(page: &types::ImageList) -> (Option<&types::PageLinksPages>, Option<u64>) {
        (page.links.as_ref().and_then(|l| l.pages.as_ref()), page.meta.as_ref().and_then(|m| m.total))
    }
}

impl Paged for ops::ImageActionsList {
    type Item = types::Action;
    fn page(&self) -> Option<u64> {
        self.page
    }
    fn per_page(&self) -> Option<u64> {
        self.per_page
    }
    fn set_page(&mut self, page: u64) {
        self.page = Some(page);
    }
    fn counters(page: &types::ActionList) -> (Option<&types::PageLinksPages>, Option<u64>) {
        (page.links.as_ref().and_then(|l| l.pages.as_ref()), page.meta.as_ref().and_then(|m| m.total))
    }
}

/// The page number a `links.pages` URL points to.
fn link_page(url: &str) -> Option<u64> {
    encode::query_value(url, "page").and_then(|v| v.trim().parse::<u64>().ok())
}

/// Sends one page of `op`: the page as `send()` returns it.
pub(crate) fn page<O: Paged>(client: &Client, op: &O) -> Result<Page<O::Item>> {
    let current = op.page().unwrap_or(1);
    let (envelope, items) = client.inner.list(op, Some(current))?;
    let (links, total) = O::counters(&envelope);
    let pages = match links {
        Some(l) if l.last.is_some() => l.last.as_deref().and_then(link_page),
        Some(l) if l.next.is_some() => None,
        _ => Some(current),
    };
    Ok(Page::new(items, current, pages, total))
}

/// Refuses a `per_page` outside 1..=200 and a `page` of 0, before anything is sent.
pub(crate) fn check_paging(what: &str, per_page: Option<u64>, page: Option<u64>) -> Result<()> {
    if let Some(n) = per_page
        && !(1..=MAX_PER_PAGE).contains(&n)
    {
        return Err(Error::invalid_input(format!(
            "digitalocean {what}: per_page must be between 1 and {MAX_PER_PAGE}, got {n}"
        )));
    }
    if page == Some(0) {
        return Err(Error::invalid_input(format!(
            "digitalocean {what}: pages are numbered from 1, got page 0"
        )));
    }
    Ok(())
}

/// The items of every page from `op`'s page on, fetched lazily. `op` must be valid already.
pub(crate) fn items<O: Paged>(client: Client, op: O) -> Items<O::Item> {
    let mut cursor = Cursor { op, next: None, last_page: None, pending: None, done: false };
    Items::new(move || cursor.fetch(&client))
}

/// Where a listing is: the caller's request is never changed; each page is a copy of it.
struct Cursor<O> {
    op: O,
    /// The page the next link pointed to (`None` before the first request).
    next: Option<u64>,
    /// The last page `meta.total` of the first response allows.
    last_page: Option<u64>,
    /// An error to yield after the items of the page that caused it.
    pending: Option<Error>,
    done: bool,
}

impl<O: Paged> Cursor<O> {
    fn fetch(&mut self, client: &Client) -> Result<Option<Fetched<O::Item>>> {
        if let Some(e) = self.pending.take() {
            self.done = true;
            return Err(e);
        }
        if self.done {
            return Ok(None);
        }
        let mut op = self.op.clone();
        if let Some(page) = self.next.take() {
            op.set_page(page);
        }
        let current = op.page().unwrap_or(1);
        let (envelope, items) = client.inner.list(&op, Some(current)).inspect_err(|_| self.done = true)?;
        let (links, total) = O::counters(&envelope);
        let next = links.and_then(|l| l.next.clone());
        if items.is_empty() {
            self.done = true;
            return Ok(None);
        }
        let last_page = *self.last_page.get_or_insert_with(|| {
            // A page that has a next link is full, so its length is the real page size (the
            // server may use less than asked); the smaller guess allows more pages, never fewer.
            let asked = op.per_page().unwrap_or(DEFAULT_PER_PAGE);
            let size = asked.min(items.len() as u64).max(1);
            // No `meta.total`: no bound but the links themselves.
            total.map_or(u64::MAX, |total| total.div_ceil(size).max(current))
        });
        match next {
            None => self.done = true,
            Some(url) => match link_page(&url) {
                Some(page) if page <= current => {
                    log::warn!(
                        target: "cloud_images",
                        "digitalocean {}: the next link of page {current} points back to page {page}; stopping",
                        O::OPERATION_ID
                    );
                    self.done = true;
                }
                Some(page) if page > last_page => {
                    log::warn!(
                        target: "cloud_images",
                        "digitalocean {}: the next link points to page {page}, but meta.total allows {last_page}; stopping",
                        O::OPERATION_ID
                    );
                    self.done = true;
                }
                Some(page) => self.next = Some(page),
                None => {
                    self.pending = Some(Error::new(
                        ErrorKind::Decode,
                        format!(
                            "digitalocean {}: no page number in the next link of page {current}: {url:?}",
                            O::OPERATION_ID
                        ),
                    ));
                }
            },
        }
        Ok(Some(Fetched { items, total }))
    }
}
