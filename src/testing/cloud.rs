//! The stand-ins through the neutral calls: each hands out a `Box<dyn Cloud>`, so that code
//! written against [`Cloud`] is tested against both fakes by one test.

use super::{DigitalOceanStandIn, LinodeStandIn};
use crate::{Cloud, Result};

impl LinodeStandIn {
    /// A [`Cloud`] for this stand-in: [`client_builder`](Self::client_builder) on the stand-in's
    /// clock, built. On a manual clock its waits advance that clock instead of sleeping, so a
    /// wait until an image is available takes no real time.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::CloudStatus;
    /// use cloud_images::testing::{Clock, LinodeStandIn};
    ///
    /// let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start()?;
    /// let cloud = stand_in.cloud()?;
    /// let image = cloud.get("private/24811540")?;
    /// assert_eq!(image.status, Some(CloudStatus::Available));
    /// # Ok(())
    /// # }
    /// ```
    pub fn cloud(&self) -> Result<Box<dyn Cloud>> {
        Ok(Box::new(self.client_builder().clock(self.clock().clone()).build()?))
    }
}

impl DigitalOceanStandIn {
    /// A [`Cloud`] for this stand-in: [`client_builder`](Self::client_builder) on the stand-in's
    /// clock, built (on a manual clock, its waits advance that clock instead of sleeping); with
    /// the `spaces` feature, with the stand-in's Spaces bucket ([`spaces`](Self::spaces)), so
    /// that it can [`publish`](Cloud::publish) local files.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::{CloudProvider, Visibility};
    /// use cloud_images::testing::DigitalOceanStandIn;
    ///
    /// let stand_in = DigitalOceanStandIn::start()?;
    /// let cloud = stand_in.cloud()?;
    /// let image = cloud.get("171002281")?;
    /// assert_eq!((image.provider, image.visibility), (CloudProvider::DigitalOcean, Visibility::Own));
    /// # Ok(())
    /// # }
    /// ```
    pub fn cloud(&self) -> Result<Box<dyn Cloud>> {
        let client = self.client_builder().clock(self.clock().clone()).build()?;
        #[cfg(feature = "spaces")]
        return Ok(Box::new(client.with_spaces(self.spaces()?)));
        #[cfg(not(feature = "spaces"))]
        Ok(Box::new(client))
    }
}
