// A region that takes dropped files: highlights while something is dragged over it and hands the drop on.
import { useState, type DragEvent, type ReactNode } from 'react';

export function FileDropTarget(props: { className: string; testId: string; disabled: boolean; onDrop: (e: DragEvent) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? `${props.className} over` : props.className}
      data-dropzone
      data-testid={props.testId}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!props.disabled) props.onDrop(e);
      }}
    >
      {props.children}
    </div>
  );
}
