"use client";

import { createContext, useContext } from "react";
import { MessageSquare } from "lucide-react";
import { commentKey, type OpenCommentMap } from "@/lib/record/comment-targets";

export const OpenCommentsContext = createContext<OpenCommentMap>({});

/** Open review comments about a section or one of its rows, shown where the drafter works. */
export function OpenComments({ section, rowId = null }: { section: string; rowId?: string | null }) {
  const list = useContext(OpenCommentsContext)[commentKey(section, rowId)];
  if (!list?.length) return null;
  return (
    <div role="note" aria-label="Open review comments" className="mb-3 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm">
      {list.map((c) => (
        <p key={c.id} className="flex gap-2">
          <MessageSquare aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-700" />
          <span>
            <span className="font-semibold">{c.author}:</span> {c.body}
          </span>
        </p>
      ))}
    </div>
  );
}
