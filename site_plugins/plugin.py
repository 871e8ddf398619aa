"""The MkDocs adapter: load the rules, add the generated pages and assets, watch rules/.

Deliberately thin: loading is `rules.load_rules`, pages are `render.render_pages`, assets
are `assets.site_assets`; none of them imports MkDocs, so `followup render` can produce
the same site for any MkDocs-compatible builder.
"""
import logging
from pathlib import Path

from mkdocs.config import base, config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from . import render
from .csp import (own_scripts, page_values, rendered, script_source, theme_scripts,
                  with_policy, with_preloads_in_head)
from .export import plan_day
from .assets import MissingAssets, site_assets
from .offline import OfflineError, add_offline
from .rules import RulesError, load_rules

log = logging.getLogger("mkdocs.plugins.followup")


class FollowupConfig(base.Config):
    rules = c.Type(str, default="rules")
    node_modules = c.Type(str, default="node_modules")
    # The default plan's date; $FOLLOWUP_TODAY, then the build day, when not set here.
    today = c.Optional(c.Type(str))


class FollowupPlugin(BasePlugin[FollowupConfig]):
    serving = False

    def on_startup(self, command, dirty):
        # `mkdocs serve` injects an inline live-reload script after the build, which a
        # hash-based policy would block; built sites (build, gh-deploy) get the policy.
        self.serving = command == "serve"

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.rules_dir = root / self.config.rules
        self.node_modules = root / self.config.node_modules
        self.rules = self._load_rules()
        self.today = self._resolve_today()
        # The inline scripts the pages' policy allows: the theme's, as rendered for each
        # page (its values come from the page's context), and our own.
        self.theme, self.own = theme_scripts(config.theme.dirs), own_scripts()
        self.scripts_from = script_source(config.site_url)
        self.scope = (config.extra or {}).get("scope")
        self.base_urls = {}
        if config.nav is None:
            config.nav = render.nav(self.rules)
        self._keep_instant_navigation_off(config)
        return config

    def _keep_instant_navigation_off(self, config):
        """Instant navigation swaps pages without reloading them, and re-creates inline
        scripts without their attributes, so the checklist's PyScript would not start."""
        features = config.theme.get("features") or []
        if "navigation.instant" in features:
            features.remove("navigation.instant")
            log.info("followup: turned off navigation.instant: the checklist's PyScript "
                     "widget only starts on a full page load")

    def _load_rules(self):
        try:
            return load_rules(self.rules_dir)
        except RulesError as error:
            for problem in error.problems:
                log.error(problem)
            raise PluginError(f"{len(error.problems)} problem(s) in the rules (listed above)")

    def _resolve_today(self):
        try:
            return plan_day(self.config.today)
        except ValueError as error:
            text, reason = error.args
            raise PluginError(f"followup: today {text!r} {reason}")

    def on_files(self, files, config):
        pages = render.render_pages(self.rules, self.today)
        for path, markdown in pages.items():
            files.append(File.generated(config, path, content=markdown))
        try:
            assets = site_assets(self.rules, self.node_modules, self.today)
        except MissingAssets as error:
            raise PluginError(str(error))
        for path, source in assets:
            if isinstance(source, bytes):
                files.append(File.generated(config, path, content=source))
            else:
                files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_page_context(self, context, page, config, nav):
        self.base_urls[page.file.src_uri] = context["base_url"]
        return context

    def on_template_context(self, context, template_name, config):
        self.base_urls[template_name] = context["base_url"]
        return context

    def on_post_page(self, output, page, config):
        output = with_preloads_in_head(output)
        return output if self.serving else self._with_policy(output, page.file.src_uri)

    def on_post_template(self, output_content, template_name, config):
        # Static templates such as 404.html are pages too; sitemap.xml is not.
        if self.serving or not template_name.endswith(".html"):
            return output_content
        return self._with_policy(output_content, template_name)

    def _with_policy(self, html, rendered_from):
        """The page with its policy: the theme's inline scripts allowed with the values
        the build rendered into this page, and only those."""
        values = page_values(self.base_urls.pop(rendered_from, None), self.scope)
        return with_policy(html, rendered(self.theme, values), self.own, self.scripts_from)

    @event_priority(-100)  # last: the worker lists the files as other plugins left them
    def on_post_build(self, config):
        # Not under `mkdocs serve`: a worker serving cached files would hide live edits.
        if self.serving:
            return
        try:
            count, size = add_offline(config.site_dir, self.node_modules, config.site_name)
        except OfflineError as error:
            raise PluginError(str(error))
        log.info(f"followup: service worker precaches {count} files ({size // 1024} KB)")

    def on_serve(self, server, config, builder):
        server.watch(str(self.rules_dir))
        return server
