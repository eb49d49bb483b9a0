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
    /// What tells pages apart: an item's id (the first item's, for the repeated-page guard).
    fn fingerprint(item: &Self::Item) -> String;
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
    fn fingerprint(item: &Self::Item) -> String {
        item.id.to_string()
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
    fn fingerprint(item: &Self::Item) -> String {
        item.id.to_string()
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
        let pages = pages(page, self.page_size(), links, total, items.is_empty());
        let fingerprint = items.first_ok().map(O::fingerprint);
        Ok((items, PageInfo { page, pages, total, next, fingerprint }))
    }
}

/// How many pages a listing has, from one answer to page `page` asked with `per_page` items a
/// page (the requested `per_page`, or the API's default 20 when none was sent):
///
/// 1. `meta.total` divided by `per_page`, rounded up, at least 1 (an empty listing is one empty
///    page). The spec requires `meta.total` on every answer, past the end too (33 images at 10
///    a page: 4 pages on pages 1 to 4 and on page 9), and the API honours every `per_page` the
///    client lets through (1 to 200), so this is the count the server pages by;
/// 2. else the page number of the `last` link. DigitalOcean sends none on the last page (only
///    `first` and `prev`), nor past it. When the link and `meta.total` disagree (a server that
///    contradicts itself), `meta.total` wins: it is on every page, so the count stays the same
///    from page to page, where the link would give one count on the pages that have it and
///    another on the last; and the iterator keeps its guarantee of never going beyond the pages
///    `meta.total` allows;
/// 3. else, with neither, this page when it has items and no `next` link (the last page), or
///    page 1 without a `next` link (a listing of one page, maybe empty);
/// 4. else `None`: a `next` link without a `last` one or a total, or an empty page after
///    page 1, says nothing about the count.
///
/// A page with items is never past the end: the count is at least its number, whatever 1 or 2
/// said.
fn pages(
    page: u64,
    per_page: u64,
    links: Option<&types::PageLinksPages>,
    total: Option<u64>,
    empty: bool,
) -> Option<u64> {
    let by_total = total.map(|total| total.div_ceil(per_page.max(1)).max(1));
    let counted = by_total.or_else(|| links.and_then(|l| l.last.as_deref()).and_then(link_page));
    let has_next = links.is_some_and(|l| l.next.is_some());
    match counted {
        Some(pages) if empty => Some(pages),
        Some(pages) => Some(pages.max(page)),
        None => (!has_next && (!empty || page == 1)).then_some(page),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn links(next: Option<u64>, last: Option<u64>) -> types::PageLinksPages {
        let url = |n: u64| format!("https://api.digitalocean.com/v2/images?page={n}&per_page=10");
        types::PageLinksPages {
            first: None,
            prev: None,
            next: next.map(url),
            last: last.map(url),
            extra: Default::default(),
        }
    }

    #[test]
    fn pages_come_from_meta_total_and_the_page_size_asked_for() {
        // 33 images at 10 a page, as DigitalOcean answers: page 1, a middle page, the last page
        // (no `last` link), a page past the end (no items, no links forward).
        assert_eq!(pages(1, 10, Some(&links(Some(2), Some(4))), Some(33), false), Some(4));
        assert_eq!(pages(2, 10, Some(&links(Some(3), Some(4))), Some(33), false), Some(4));
        assert_eq!(pages(4, 10, Some(&links(None, None)), Some(33), false), Some(4));
        assert_eq!(pages(9, 10, Some(&links(None, None)), Some(33), true), Some(4));
        // The API's default page size, and an empty listing: one empty page.
        assert_eq!(pages(1, DEFAULT_PER_PAGE, None, Some(41), false), Some(3));
        assert_eq!(pages(1, 10, None, Some(0), true), Some(1));
    }

    #[test]
    fn meta_total_wins_over_a_last_link_that_disagrees_and_the_link_serves_without_it() {
        assert_eq!(pages(1, 10, Some(&links(Some(2), Some(7))), Some(33), false), Some(4));
        assert_eq!(pages(1, 10, Some(&links(Some(2), Some(7))), None, false), Some(7));
        // A page with items is never past the end, whatever the counters say.
        assert_eq!(pages(5, 10, Some(&links(None, None)), Some(33), false), Some(5));
    }

    #[test]
    fn without_counters_only_what_the_answer_shows() {
        // No next link and items: this is the last page; page 1 without one is the only page.
        assert_eq!(pages(3, 10, Some(&links(None, None)), None, false), Some(3));
        assert_eq!(pages(1, 10, None, None, false), Some(1));
        assert_eq!(pages(1, 10, None, None, true), Some(1));
        // A next link without `last`, or an empty page after page 1: unknown.
        assert_eq!(pages(1, 10, Some(&links(Some(2), None)), None, false), None);
        assert_eq!(pages(6, 10, None, None, true), None);
    }
}
