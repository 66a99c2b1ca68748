import { describe, expect, it } from 'vitest';
import {
  isAllowedExternalUrl,
  isPermissionAllowed,
  isTrustedRendererUrl,
} from '../../../src/main/security/trusted-url';

const prod = { rendererUrl: 'app://floorguard/index.html' };
const dev = { ...prod, devServerUrl: 'http://localhost:5173/' };

describe('trusted renderer URLs', () => {
  it('accepts our own page and its hash/query variants', () => {
    expect(isTrustedRendererUrl(prod.rendererUrl, prod)).toBe(true);
    expect(isTrustedRendererUrl(`${prod.rendererUrl}#calls`, prod)).toBe(true);
  });

  it('refuses other files, remote pages and look-alikes that a substring check would pass', () => {
    expect(isTrustedRendererUrl('file:///etc/passwd', prod)).toBe(false);
    expect(
      isTrustedRendererUrl('file:///opt/Floorguard/resources/app.asar/out/renderer/index.html', prod),
    ).toBe(false);
    expect(isTrustedRendererUrl('app://floorguard.evil/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('app://other/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('app://floorguard/assets/evil.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('https://floorguard/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl(`https://evil.example/${prod.rendererUrl}`, prod)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', prod)).toBe(false);
    expect(isTrustedRendererUrl('not a url', prod)).toBe(false);
  });

  it('accepts the dev server only by exact origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
  });

  it('hands only tel: and mailto: links to the OS', () => {
    expect(isAllowedExternalUrl('tel:+8613800000000')).toBe(true);
    expect(isAllowedExternalUrl('mailto:it@example.com')).toBe(true);
    expect(isAllowedExternalUrl('https://example.com')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});

describe('permissions', () => {
  const trusted = (url: string) => isTrustedRendererUrl(url, prod);

  it('lets our page notify and copy, nothing else', () => {
    expect(isPermissionAllowed('notifications', prod.rendererUrl, trusted)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', prod.rendererUrl, trusted)).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission, prod.rendererUrl, trusted)).toBe(false);
    }
  });

  it('refuses even allowed permissions to any other origin', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/', trusted)).toBe(false);
  });
});
