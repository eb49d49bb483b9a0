//! DigitalOcean pagination: follow `links.pages.next`, but only ever as a page number on the
//! caller's own request, so the filters are kept and the token stays on the configured host.

use super::Client;
use super::{ops, types};
use crate::decode::Listing;
use crate::decode::PageItems;
use crate::error::ErrorKind;
use crate::pager::{self, Next, PageInfo, PageSource};
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
        (page.links.as_ref().and_then(|l| l.pages.as_deref()), page.meta.as_ref().and_then(|m| m.total))
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
        (page.links.as_ref().and_then(|l| l.pages.as_deref()), page.meta.as_ref().and_then(|m| m.total))
    }
}

/// The page number a `links.pages` URL points to.
fn link_page(url: &str) -> Option<u64> {
    encode::query_value(url, "page").and_then(|v| v.trim().parse::<u64>().ok())
}

/// One page of `op`, as `send()` returns it.
pub(crate) fn page<O: Paged>(client: &Client, op: &O) -> Result<Page<O::Item>> {
    let first = op.page().unwrap_or(1);
    pager::page(&mut Listed { client: client.clone(), op: op.clone() }, first)
}

/// The items of every page from `op`'s page on, fetched lazily. `op` must be valid already.
pub(crate) fn items<O: Paged>(client: Client, op: O) -> Items<O::Item> {
    let first = op.page().unwrap_or(1);
    pager::items(Listed { client, op }, first)
}

/// A listing: each page is a copy of the caller's request with only `page` changed (the first
/// is sent as the caller made it), so the filters are kept and the token never follows a link
/// to another host.
struct Listed<O> {
    client: Client,
    op: O,
}

impl<O: Paged> PageSource for Listed<O> {
    type Item = O::Item;

    fn what(&self) -> String {
        format!("digitalocean {}", O::OPERATION_ID)
    }

    fn page_size(&self) -> u64 {
        self.op.per_page().unwrap_or(DEFAULT_PER_PAGE)
    }

    fn fetch(&mut self, page: u64) -> Result<(PageItems<O::Item>, PageInfo)> {
        let mut op = self.op.clone();
        if op.page().unwrap_or(1) != page {
            op.set_page(page);
        }
        let (envelope, items) = self.client.inner.list(&op, Some(page))?;
        let (links, total) = O::counters(&envelope);
        let next_link = links.and_then(|l| l.next.as_deref());
        let next = match next_link {
            None => Next::End,
            Some(url) => match link_page(url) {
                Some(n) => Next::Page(n),
                None => Next::Broken(Error::new(
                    ErrorKind::Decode,
                    format!(
                        "digitalocean {}: no page number in the next link of page {page}: {url:?}",
                        O::OPERATION_ID
                    ),
                )),
            },
        };
        // A page with a next link is full, so its length is the real page size (the server may
        // use less than asked); the smaller guess allows more pages, never fewer.
        let size = self.page_size().min(items.len() as u64).max(1);
        let by_total = total.map(|total| total.div_ceil(size).max(page));
        let by_link = links.and_then(|l| l.last.as_deref()).and_then(link_page);
        let pages = match (by_link, by_total, next_link) {
            (None, None, None) => Some(page),
            (link, total, _) => link.into_iter().chain(total).min(),
        };
        Ok((items, PageInfo { page, pages, total, next, fingerprint: None }))
    }
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
