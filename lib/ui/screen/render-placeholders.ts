// Former stand-ins for lib/ui/render, now only re-exports so code written against them still compiles
// (spec/bench/render-timing.ts imports renderHeader from here). Import from lib/ui/render/* instead;
// this file goes once nothing imports it.
export { renderHeader } from '../render/header.js';
