/**
 * Writes one tile's buildings as a binary glTF 2.0 file: the mesh through glTF-Transform, then the
 * per-building property table (EXT_structural_metadata) and the feature ids (EXT_mesh_features)
 * spliced into the GLB, since glTF-Transform has no implementation of those two extensions.
 */
import { Document, NodeIO } from '@gltf-transform/core';
import { BUILDING_PROPERTIES } from '../../src/protocol/city-pack.js';
import type { MeshAccumulator } from './extrude.js';

/** Property values of one tile's buildings, one array entry per feature. */
export type PropertyColumns = { [K in keyof typeof BUILDING_PROPERTIES]: (typeof BUILDING_PROPERTIES)[K] extends 'STRING' ? string[] : number[] };

const io = new NodeIO();

/** The tile's mesh as GLB bytes, with its property table and feature ids. */
export async function writeBuildingGlb(mesh: MeshAccumulator, columns: PropertyColumns, featureCount: number): Promise<Uint8Array> {
  const document = new Document();
  const buffer = document.createBuffer();
  const position = document.createAccessor('POSITION').setType('VEC3').setArray(new Float32Array(mesh.positions)).setBuffer(buffer);
  const normal = document.createAccessor('NORMAL').setType('VEC3').setArray(new Float32Array(mesh.normals)).setBuffer(buffer);
  const featureId = document.createAccessor('FEATURE_ID').setType('SCALAR').setArray(new Float32Array(mesh.featureIds)).setBuffer(buffer);
  const IndexArray = mesh.vertexCount > 65535 ? Uint32Array : Uint16Array;
  const indices = document.createAccessor('INDICES').setType('SCALAR').setArray(new IndexArray(mesh.indices)).setBuffer(buffer);
  const material = document.createMaterial('building').setBaseColorFactor([0.92, 0.92, 0.9, 1]).setMetallicFactor(0).setRoughnessFactor(0.85);
  const primitive = document.createPrimitive().setAttribute('POSITION', position).setAttribute('NORMAL', normal).setAttribute('_FEATURE_ID_0', featureId).setIndices(indices).setMaterial(material);
  const node = document.createNode('buildings').setMesh(document.createMesh('buildings').addPrimitive(primitive));
  document.createScene('tile').addChild(node);
  const glb = await io.writeBinary(document);
  return addStructuralMetadata(glb, columns, featureCount);
}

interface GltfJson {
  buffers: { byteLength: number }[];
  bufferViews?: { buffer: number; byteOffset: number; byteLength: number }[];
  meshes: { primitives: { extensions?: Record<string, unknown> }[] }[];
  extensionsUsed?: string[];
  extensions?: Record<string, unknown>;
}

const pad = (length: number, to: number): number => (to - (length % to)) % to;

/** Appends the property table to the GLB's binary chunk and declares both metadata extensions. */
function addStructuralMetadata(glb: Uint8Array, columns: PropertyColumns, featureCount: number): Uint8Array {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLength))) as GltfJson;
  const binStart = 20 + jsonLength;
  const binLength = view.getUint32(binStart, true);
  const bin = glb.subarray(binStart + 8, binStart + 8 + binLength);

  const pieces: Uint8Array[] = [bin];
  let offset = bin.byteLength; // the chunk is padded to 4 bytes, so it may exceed buffers[0].byteLength
  json.bufferViews ??= [];
  const addView = (bytes: Uint8Array): number => {
    const padding = pad(offset, 8); // property table buffers start on 8-byte boundaries
    if (padding) pieces.push(new Uint8Array(padding));
    offset += padding;
    pieces.push(bytes);
    json.bufferViews!.push({ buffer: 0, byteOffset: offset, byteLength: bytes.byteLength });
    offset += bytes.byteLength;
    return json.bufferViews!.length - 1;
  };

  const classProperties: Record<string, unknown> = {};
  const tableProperties: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(BUILDING_PROPERTIES) as [keyof PropertyColumns, string][]) {
    const values = columns[name];
    if (values.length !== featureCount) throw new Error(`property ${name} has ${values.length} values for ${featureCount} features`);
    if (type === 'STRING') {
      const encoded = (values as string[]).map((s) => new TextEncoder().encode(s));
      const offsets = new Uint32Array(encoded.length + 1);
      encoded.forEach((bytes, i) => (offsets[i + 1] = offsets[i]! + bytes.byteLength));
      // A buffer view may not be empty: a column of empty strings keeps one unused byte.
      const data = new Uint8Array(Math.max(1, offsets[encoded.length]!));
      encoded.forEach((bytes, i) => data.set(bytes, offsets[i]!));
      classProperties[name] = { type: 'STRING' };
      tableProperties[name] = { values: addView(data), stringOffsets: addView(new Uint8Array(offsets.buffer)), stringOffsetType: 'UINT32' };
    } else {
      const typed = type === 'FLOAT32' ? new Float32Array(values as number[]) : new Uint16Array(values as number[]);
      classProperties[name] = { type: 'SCALAR', componentType: type };
      tableProperties[name] = { values: addView(new Uint8Array(typed.buffer)) };
    }
  }
  const tail = pad(offset, 4);
  if (tail) pieces.push(new Uint8Array(tail));
  offset += tail;
  json.buffers[0]!.byteLength = offset;

  json.extensionsUsed = [...(json.extensionsUsed ?? []), 'EXT_mesh_features', 'EXT_structural_metadata'];
  json.extensions = {
    ...json.extensions,
    EXT_structural_metadata: {
      schema: { id: 'sandtable_city', classes: { building: { name: 'Building', properties: classProperties } } },
      propertyTables: [{ name: 'buildings', class: 'building', count: featureCount, properties: tableProperties }],
    },
  };
  for (const mesh of json.meshes) {
    for (const primitive of mesh.primitives) {
      primitive.extensions = { ...primitive.extensions, EXT_mesh_features: { featureIds: [{ featureCount, attribute: 0, propertyTable: 0 }] } };
    }
  }

  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonPadded = new Uint8Array(jsonBytes.byteLength + pad(jsonBytes.byteLength, 4)).fill(0x20);
  jsonPadded.set(jsonBytes);
  const binTotal = offset;
  const total = 12 + 8 + jsonPadded.byteLength + 8 + binTotal;
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, 0x46546c67, true); // "glTF"
  outView.setUint32(4, 2, true);
  outView.setUint32(8, total, true);
  outView.setUint32(12, jsonPadded.byteLength, true);
  outView.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.set(jsonPadded, 20);
  const binHeader = 20 + jsonPadded.byteLength;
  outView.setUint32(binHeader, binTotal, true);
  outView.setUint32(binHeader + 4, 0x004e4942, true); // "BIN\0"
  let cursor = binHeader + 8;
  for (const piece of pieces) {
    out.set(piece, cursor);
    cursor += piece.byteLength;
  }
  return out;
}
