"""Deployment: the files that let each host the README names serve the site as a careful host does.

`write_deployment` runs once the site is complete and every page carries its policy
(the last step of advocacy_guide.build.finishing, after the security pass). From the built site it writes:

- `site/_headers` and `site/_redirects`: Netlify and Cloudflare Pages (other hosts ignore them,
  or serve them as plain files that no page links to).
- `site/.htaccess`, and one in each language's folder for its 404 page: Apache.
- `<site>-deploy/nginx/`: an nginx configuration in /etc/nginx's layout (conf.d/, snippets/,
  sites-available/), outside the site so that no host serves it.
- a `.gz` and a `.br` copy of every text file (`precompress`).

The headers (`headers.security_headers`) carry the Content-Security-Policy read back from the
pages, so a header and a page's `<meta>` policy are one text and cannot drift apart.
"""

from __future__ import annotations

from advocacy_guide.deploy.headers import DeployError
from advocacy_guide.deploy.hosts import DeploymentReport, deploy_dir_for, write_deployment

__all__ = ["DeployError", "DeploymentReport", "deploy_dir_for", "write_deployment"]
