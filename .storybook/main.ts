import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Without pre-bundling, `storybook dev` loads a second copy of Lit through this module and
    // warns "Multiple versions of Lit loaded". The static build is not affected.
    const include = viteConfig.optimizeDeps?.include ?? [];
    return {
      ...viteConfig,
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        include: [...include, 'lit/directive-helpers.js'],
      },
    };
  },
};

export default config;
