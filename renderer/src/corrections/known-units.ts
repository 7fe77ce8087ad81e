// The canonical keys of every department name and spelling the ledger knows, for the preview's doubts.
import { useEffect, useMemo } from 'react';
import { canonicalKey } from '../../../shared/departments';
import { useSession } from '../stores/session';

export function useKnownUnits(): ReadonlySet<string> {
  const departments = useSession((s) => s.departments);
  const loadDepartments = useSession((s) => s.loadDepartments);
  useEffect(() => void loadDepartments(), [loadDepartments]);
  return useMemo(() => new Set(departments.flatMap((d) => [d.name, ...d.aliases].map(canonicalKey))), [departments]);
}
