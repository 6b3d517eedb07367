/* Walk boosted trees for many rows: the compiled path of `trees.TreeEnsemble.raw_scores`.
 *
 * scikit-learn's predictor does the same walk (x <= threshold goes left, a missing value goes
 * where the tree learned), but importing it costs a worker about a second; numpy can only walk
 * all trees a level at a time, about twice as slow. Built at install as an optional extension
 * (pyproject.toml); without it `trees.py` walks with numpy, to the same bits.
 *
 * Arrays arrive through the buffer protocol as contiguous memory; `trees.py` checks their
 * dtypes, lengths and node numbers before calling, and the walk is also bounded here.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>

static int expect(Py_buffer *view, Py_ssize_t count, Py_ssize_t itemsize, const char *name)
{
    if (view->len != count * itemsize) {
        PyErr_Format(PyExc_ValueError, "%s: %zd bytes, expected %zd", name, view->len,
                     count * itemsize);
        return 0;
    }
    return 1;
}

/* walk(x, single, rows, features, feature, threshold, missing_left, left, right, value, roots,
 *      per_iteration, out): for each row, add each tree's leaf value to out[row, tree %
 *      per_iteration], iteration after iteration (scikit-learn's order of additions). */
static PyObject *walk(PyObject *self, PyObject *args)
{
    Py_buffer x, feature, threshold, missing_left, left, right, value, roots, out;
    int single;
    Py_ssize_t rows, features, per_iteration;
    if (!PyArg_ParseTuple(args, "y*pnny*y*y*y*y*y*y*nw*", &x, &single, &rows, &features,
                          &feature, &threshold, &missing_left, &left, &right, &value, &roots,
                          &per_iteration, &out))
        return NULL;
    PyObject *result = NULL;
    Py_ssize_t nodes = feature.len / (Py_ssize_t)sizeof(int32_t);
    Py_ssize_t trees = roots.len / (Py_ssize_t)sizeof(int32_t);
    if (per_iteration <= 0 || trees % per_iteration != 0) {
        PyErr_SetString(PyExc_ValueError, "trees do not divide into iterations");
        goto done;
    }
    if (!expect(&x, rows * features, single ? 4 : 8, "x") ||
        !expect(&threshold, nodes, 8, "threshold") || !expect(&missing_left, nodes, 1, "missing") ||
        !expect(&left, nodes, 4, "left") || !expect(&right, nodes, 4, "right") ||
        !expect(&value, nodes, 8, "value") || !expect(&out, rows * per_iteration, 8, "out"))
        goto done;

    const float *x32 = (const float *)x.buf;
    const double *x64 = (const double *)x.buf;
    const int32_t *f = (const int32_t *)feature.buf;
    const double *t = (const double *)threshold.buf;
    const uint8_t *m = (const uint8_t *)missing_left.buf;
    const int32_t *l = (const int32_t *)left.buf;
    const int32_t *r = (const int32_t *)right.buf;
    const double *v = (const double *)value.buf;
    const int32_t *root = (const int32_t *)roots.buf;
    double *o = (double *)out.buf;
    int bad = 0;

    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t row = 0; row < rows && !bad; row++) {
        double *scores = o + row * per_iteration;
        for (Py_ssize_t tree = 0; tree < trees; tree++) {
            Py_ssize_t node = root[tree];
            Py_ssize_t steps = 0;
            /* A leaf's children are itself. */
            while (node >= 0 && node < nodes && l[node] != node && steps++ < nodes) {
                Py_ssize_t column = f[node];
                if (column < 0 || column >= features) {
                    node = -1;
                    break;
                }
                double value_at = single ? (double)x32[row * features + column]
                                         : x64[row * features + column];
                int go_left = isnan(value_at) ? m[node] : value_at <= t[node];
                node = go_left ? l[node] : r[node];
            }
            if (node < 0 || node >= nodes || l[node] != node) {
                bad = 1;
                break;
            }
            scores[tree % per_iteration] += v[node];
        }
    }
    Py_END_ALLOW_THREADS

    if (bad) {
        PyErr_SetString(PyExc_ValueError, "a tree walk left the node arrays");
        goto done;
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyBuffer_Release(&x);
    PyBuffer_Release(&feature);
    PyBuffer_Release(&threshold);
    PyBuffer_Release(&missing_left);
    PyBuffer_Release(&left);
    PyBuffer_Release(&right);
    PyBuffer_Release(&value);
    PyBuffer_Release(&roots);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"walk", walk, METH_VARARGS, "Add every tree's leaf value for every row to out."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_walk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__walk(void) { return PyModule_Create(&module); }
