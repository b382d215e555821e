/** A stable, human-readable reference printed on every page: READOUT/<year>/<id prefix>. */
export function documentReference(id: string, startDate: Date): string {
  return `READOUT/${startDate.getUTCFullYear()}/${id.slice(0, 8).toUpperCase()}`;
}
