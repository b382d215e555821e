/** One round in the life of a commitment (shared by the server and the editor). */
export interface CommitmentStep {
  consultationId: string;
  roundNumber: number | null;
  startDate: string;
  status: string | null;
  dueDate: string | null;
}
