module.exports = {
  // The providers post to /saleslab, /salesos, ...: served by the API route pages/api/[provider].js.
  rewrites: async () => [{ source: '/:provider(saleslab|salesos|salesbooth|salescaling)', destination: '/api/:provider' }],
  // hookseal loads a native addon, so Node must require it at run time, never bundled
  // (Pages Router routes leave node_modules unbundled; App Router route handlers need this).
  serverExternalPackages: ['hookseal'],
  // This example installs hookseal linked from the checkout (file:../../npm), which the
  // bundler would otherwise follow into the checkout and bundle: keep it external here too.
  webpack: (config, { isServer }) => {
    if (isServer) config.externals.push(({ request }, callback) => (/^hookseal(\/|$)/.test(request) ? callback(null, `commonjs ${request}`) : callback()));
    return config;
  },
};
